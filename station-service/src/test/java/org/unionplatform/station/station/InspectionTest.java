package org.unionplatform.station.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.StationProperties.ChecklistItem;

class InspectionTest {

    private static final List<ChecklistItem> CHECKLIST = List.of(new ChecklistItem("PREMISES", "有固定场所"),
            new ChecklistItem("SIGNAGE", "有标识标牌"));
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void anInspectionPassesOnlyIfEveryItemPassed() {
        Inspection passed = Inspection.against(CHECKLIST, Map.of("PREMISES", true, "SIGNAGE", true), AT, "o", null);
        Inspection failed = Inspection.against(CHECKLIST, Map.of("PREMISES", true, "SIGNAGE", false), AT, "o", "缺牌");

        assertThat(passed.result()).isEqualTo(Inspection.Result.PASSED);
        assertThat(passed.items()).containsExactly(new Inspection.Item("PREMISES", "有固定场所", true),
                new Inspection.Item("SIGNAGE", "有标识标牌", true));
        assertThat(failed.result()).isEqualTo(Inspection.Result.FAILED);
        assertThat(failed.notes()).isEqualTo("缺牌");
    }

    @Test
    void everyItemOfTheStandardAndNothingElseIsAnswered() {
        assertThatThrownBy(() -> Inspection.against(CHECKLIST, Map.of("PREMISES", true), AT, "o", null))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        refused -> assertThat(refused.properties()).containsEntry("rule", "checklist-incomplete"));
        assertThatThrownBy(() -> Inspection.against(CHECKLIST,
                Map.of("PREMISES", true, "SIGNAGE", true, "TOILET", true), AT, "o", null))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        refused -> assertThat(refused.properties()).containsEntry("rule", "unknown-checklist-item"));
    }
}

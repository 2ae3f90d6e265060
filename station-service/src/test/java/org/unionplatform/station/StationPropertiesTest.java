package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.station.StationProperties.ChecklistItem;

/** Every station type has a checklist, and a checklist names a known type: else the service does not start. */
class StationPropertiesTest {

    private static final List<ChecklistItem> POINTS = List.of(new ChecklistItem("PREMISES", "有固定场所"));

    @Test
    void eachTypeHasItsChecklist() {
        StationProperties properties = properties(List.of("DRIVERS_HOME", "LOVE_STATION"),
                Map.of("DRIVERS_HOME", List.of(new ChecklistItem("TRUCK_PARKING", "有货车停车位")), "LOVE_STATION", POINTS));

        assertThat(properties.checklistFor("DRIVERS_HOME")).extracting(ChecklistItem::code)
                .containsExactly("TRUCK_PARKING");
        assertThat(properties.checklistFor("LOVE_STATION")).isEqualTo(POINTS);
    }

    @Test
    void aTypeWithoutChecklistOrAChecklistOfNoTypeStopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> properties(List.of("DRIVERS_HOME", "LOVE_STATION"),
                Map.of("LOVE_STATION", POINTS))).withMessageContaining("DRIVERS_HOME");
        assertThatIllegalStateException().isThrownBy(() -> properties(List.of("LOVE_STATION"),
                Map.of("LOVE_STATION", POINTS, "KIOSK", POINTS))).withMessageContaining("KIOSK");
    }

    private static StationProperties properties(List<String> types, Map<String, List<ChecklistItem>> checklists) {
        return new StationProperties(types, List.of(), List.of(), checklists, null, null, null, null);
    }
}

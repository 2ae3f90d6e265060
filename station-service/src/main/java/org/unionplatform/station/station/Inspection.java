package org.unionplatform.station.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.StationProperties.ChecklistItem;

/**
 * An inspection against the checklist of the station's type: every item checked, PASSED only if all passed. The items
 * keep their code and label as they were then, so an inspection stays readable when the checklist changes.
 *
 * @param inspectedAt when
 * @param inspector   the token subject of who recorded it
 * @param items       each checklist item with its outcome
 * @param result      PASSED or FAILED
 * @param notes       free text
 */
public record Inspection(Instant inspectedAt, String inspector, List<Item> items, Result result, String notes) {

    public enum Result {
        PASSED, FAILED
    }

    public record Item(String code, String label, boolean passed) {
    }

    /**
     * The inspection of every item of {@code checklist}, answered in {@code results} (item code -> passed): an
     * unknown code or an unanswered item is refused (422).
     */
    static Inspection against(List<ChecklistItem> checklist, Map<String, Boolean> results, Instant inspectedAt,
            String inspector, String notes) {
        for (String code : results.keySet()) {
            if (checklist.stream().noneMatch(item -> item.code().equals(code))) {
                throw new BusinessRuleViolationException("unknown-checklist-item", "Not in the standard: " + code);
            }
        }
        List<Item> items = new ArrayList<>();
        for (ChecklistItem item : checklist) {
            Boolean passed = results.get(item.code());
            if (passed == null) {
                throw new BusinessRuleViolationException("checklist-incomplete",
                        "Every item of the standard must be answered; missing: " + item.code());
            }
            items.add(new Item(item.code(), item.label(), passed));
        }
        Result result = items.stream().allMatch(Item::passed) ? Result.PASSED : Result.FAILED;
        return new Inspection(inspectedAt, inspector, List.copyOf(items), result, notes);
    }
}

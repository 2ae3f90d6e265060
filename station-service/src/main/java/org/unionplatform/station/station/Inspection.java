package org.unionplatform.station.station;

import java.time.Instant;
import java.util.List;

/**
 * An inspection against the configured standard checklist: every item checked, PASSED only if all passed.
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
}

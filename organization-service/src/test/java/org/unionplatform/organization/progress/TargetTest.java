package org.unionplatform.organization.progress;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.unionplatform.organization.Problems.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How targets split down the tree, on the records alone. */
class TargetTest {

    private static Target target(String id, Map<String, Long> newMembers, long unions) {
        return new Target(Target.id(id, 2026), id, "parent", 2026, newMembers, unions, Instant.EPOCH, "test");
    }

    private final Target parent = target("xian", Map.of("COURIER", 100L, "DELIVERY_RIDER", 50L), 5);

    @Test
    void childrenFitWithinTheirParent() {
        assertThatCode(() -> parent.requireRoomFor(List.of(target("a", Map.of("COURIER", 60L), 2),
                target("b", Map.of("COURIER", 40L, "DELIVERY_RIDER", 50L), 3)), "")).doesNotThrowAnyException();
    }

    @Test
    void childrenExceedingTheParentInAWorkerTypeAreRefused() {
        assertRefused(() -> parent.requireRoomFor(List.of(target("a", Map.of("COURIER", 60L), 0),
                target("b", Map.of("COURIER", 41L), 0)), "allocations."), HttpStatus.UNPROCESSABLE_CONTENT,
                "target-split-exceeds-parent");
    }

    @Test
    void aWorkerTypeTheParentHasNoTargetForLeavesNoRoom() {
        assertRefused(() -> parent.requireRoomFor(List.of(target("a", Map.of("TRUCK_DRIVER", 1L), 0)), ""),
                HttpStatus.UNPROCESSABLE_CONTENT, "target-split-exceeds-parent");
    }

    @Test
    void childrenExceedingTheParentInUnionsAreRefused() {
        assertRefused(() -> parent.requireRoomFor(List.of(target("a", Map.of(), 3), target("b", Map.of(), 3)), ""),
                HttpStatus.UNPROCESSABLE_CONTENT, "target-split-exceeds-parent");
    }

    @Test
    void aTargetNeverFallsBelowWhatItsChildrenHold() {
        Target lowered = target("xian", Map.of("COURIER", 10L), 5);
        assertRefused(() -> lowered.requireNotBelow(List.of(target("a", Map.of("COURIER", 60L), 0))),
                HttpStatus.UNPROCESSABLE_CONTENT, "target-below-children");
        assertThatCode(() -> lowered.requireNotBelow(List.of())).doesNotThrowAnyException();
    }
}

package org.unionplatform.organization.standard;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code organization.standard.*}.
 *
 * @param items          the points of the standard, in the order an assessment answers them
 * @param rewardPerUnion the special fund's allocation to a new union whose pass is confirmed, in yuan
 * @param newUnionWindow how long after its creation a union counts as new for the reward
 */
@ConfigurationProperties("organization.standard")
record StandardProperties(List<Item> items, @DefaultValue("20000") long rewardPerUnion,
        @DefaultValue("366d") Duration newUnionWindow) {

    /** One point of the standard: a code for programs, a label in Chinese. */
    record Item(String code, String label) {
    }

    StandardProperties {
        items = items == null ? List.of() : List.copyOf(items);
        Set<String> codes = new HashSet<>();
        for (Item item : items) {
            if (item.code() == null || !codes.add(item.code())) {
                throw new IllegalStateException("organization.standard.items: a code is missing or listed twice");
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("organization.standard.items is empty");
        }
        if (rewardPerUnion < 0) {
            throw new IllegalStateException("organization.standard.reward-per-union is negative");
        }
    }
}

package org.unionplatform.common.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A service's wish to consume events, declared as a bean. The bus declares a durable queue named
 * {@code <queue-prefix><spring.application.name>.<purpose>} bound to the exchange with each binding pattern,
 * its dead-letter queue {@code <queue>.dlq}, and a manually acknowledged, deduplicating consumer.
 *
 * @param purpose what the consumer keeps up to date, e.g. {@code membership-progress}
 * @param bindings topic patterns, e.g. {@code membership.*}
 * @param handler applies one event
 */
public record EventSubscription(String purpose, List<String> bindings, EventHandler handler) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public EventSubscription {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A subscription purpose is lower-case words joined by '-'");
        }
        if (bindings == null || bindings.isEmpty() || handler == null) {
            throw new IllegalArgumentException("A subscription needs binding patterns and a handler");
        }
        bindings = List.copyOf(bindings);
    }

    public static EventSubscription of(String purpose, EventHandler handler, String... bindings) {
        return new EventSubscription(purpose, List.of(bindings), handler);
    }
}

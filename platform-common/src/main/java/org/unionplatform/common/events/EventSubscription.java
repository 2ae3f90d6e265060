package org.unionplatform.common.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's wish to consume events, declared as a bean in the service's one {@code Subscriptions} class
 * (root package, beside the application class). The bus declares a durable queue named
 * {@code <queue-prefix><spring.application.name>.<purpose>} bound to the exchange with each binding, its
 * dead-letter queue {@code <queue>.dlq}, and a manually acknowledged, deduplicating consumer.
 * <p>
 * Services build one with {@link #forPurpose}: each {@link #on} names the consumer's own record of the fields it
 * reads, whose {@link EventType} gives the binding, so no event type is written as a string at a call site.
 *
 * @param purpose what the consumer keeps up to date, e.g. {@code membership-progress}
 * @param bindings routing keys (or topic patterns, for the bus's own tests)
 * @param handler applies one event
 */
public record EventSubscription(String purpose, List<String> bindings, EventHandler handler) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    public EventSubscription {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A subscription purpose is lower-case words joined by '-'");
        }
        if (bindings == null || bindings.isEmpty() || handler == null) {
            throw new IllegalArgumentException("A subscription needs binding patterns and a handler");
        }
        bindings = List.copyOf(bindings);
    }

    /**
     * A subscription by raw routing keys or topic patterns: for the bus's own tests and test probes only; services
     * use {@link #forPurpose} (the architecture rules forbid this in their main code).
     */
    public static EventSubscription of(String purpose, EventHandler handler, String... bindings) {
        return new EventSubscription(purpose, List.of(bindings), handler);
    }

    /** Starts a typed subscription: one queue for {@code purpose}, one handler per event record. */
    public static Builder forPurpose(String purpose) {
        return new Builder(purpose);
    }

    /** Applies one event read into the consumer's record; return only once the effect is stored. */
    @FunctionalInterface
    public interface TypedHandler<T> {

        void handle(T payload, ReceivedEvent event) throws Exception;
    }

    /** Collects the event records a subscription reads and the handler of each. */
    public static final class Builder {

        private final String purpose;
        private final Map<String, EventHandler> handlers = new LinkedHashMap<>();

        private Builder(String purpose) {
            this.purpose = purpose;
        }

        /** Binds the subscription to {@code record}'s {@link EventType} and applies such events with {@code handler}. */
        public <T> Builder on(Class<T> record, TypedHandler<? super T> handler) {
            String type = EventTypes.of(record).value();
            if (handlers.putIfAbsent(type, event -> handler.handle(event.payload(record), event)) != null) {
                throw new IllegalArgumentException("Two handlers for " + type + " in subscription " + purpose);
            }
            return this;
        }

        public EventSubscription build() {
            Map<String, EventHandler> byType = Map.copyOf(handlers);
            return new EventSubscription(purpose, List.copyOf(handlers.keySet()), event -> {
                EventHandler handler = byType.get(event.type());
                if (handler == null) {
                    log.debug("No handler for {} in subscription {}", event, purpose);
                    return;
                }
                handler.handle(event);
            });
        }
    }
}

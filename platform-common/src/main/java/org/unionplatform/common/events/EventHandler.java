package org.unionplatform.common.events;

/**
 * Applies one received event. Return normally only once its effect is stored; throw to have the
 * message redelivered (and dead-lettered after {@code platform.bus.max-attempts}).
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;
}

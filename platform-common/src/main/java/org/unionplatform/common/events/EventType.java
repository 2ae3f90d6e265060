package org.unionplatform.common.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, once, the routing key and payload schema version of an event record. A producer's record
 * ({@link DomainEvent}) carries it so that aggregates register objects, never strings; a consumer's own record
 * of the fields it reads carries it so that its subscription binds to the right key ({@link EventSubscription#on}).
 * docs/events.md lists every type; each service's events test checks the list against these annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The routing key, {@code <producer's subject>.<past-tense verb>}, e.g. {@code membership.approved}. */
    String value();

    /** The payload schema version; raise it when a field changes meaning or goes away. */
    int version() default 1;
}

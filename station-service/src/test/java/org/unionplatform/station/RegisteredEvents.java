package org.unionplatform.station;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.unionplatform.common.events.OutboxAggregate;

/**
 * The event records an aggregate registered and has not yet stored, for unit tests without a repository: the
 * outbox exposes them only to its save callback, so they are read from its private list.
 */
public final class RegisteredEvents {

    private RegisteredEvents() {
    }

    public static List<Object> of(OutboxAggregate aggregate) {
        try {
            Field field = OutboxAggregate.class.getDeclaredField("registered");
            field.setAccessible(true);
            List<Object> payloads = new ArrayList<>();
            for (Object registered : (List<?>) field.get(aggregate)) {
                Method payload = registered.getClass().getDeclaredMethod("payload");
                payload.setAccessible(true);
                payloads.add(payload.invoke(registered));
            }
            return payloads;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OutboxAggregate no longer keeps registered events as expected", e);
        }
    }
}

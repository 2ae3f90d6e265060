package org.unionplatform.organization;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.unionplatform.common.events.OutboxAggregate;

/**
 * The event records an aggregate registered and has not yet handed to a save, for unit tests without Spring or
 * MongoDB. OutboxAggregate keeps them private until the save stores them, so this reads them reflectively.
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
            throw new IllegalStateException("OutboxAggregate no longer keeps registered events as this reads them", e);
        }
    }
}

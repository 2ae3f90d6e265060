package org.unionplatform.membership;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.pii.Gender;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.pii.ProtectedResidentId;
import org.unionplatform.membership.member.Worker;

/** For unit tests of aggregates, without Spring or a database. */
public final class RegisteredEvents {

    private RegisteredEvents() {
    }

    /**
     * The event records an aggregate registered and no save has stored yet: the outbox hands them only to its
     * save callback, so they are read from its private list.
     */
    public static List<Object> of(OutboxAggregate aggregate) {
        try {
            Field field = OutboxAggregate.class.getDeclaredField("registered");
            field.setAccessible(true);
            List<Object> events = new ArrayList<>();
            for (Object registered : (List<?>) field.get(aggregate)) {
                Method payload = registered.getClass().getDeclaredMethod("payload");
                payload.setAccessible(true);
                events.add(payload.invoke(registered));
            }
            return events;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OutboxAggregate no longer keeps registered events as expected", e);
        }
    }

    /** A protected worker record as {@code Workers} makes it (the ciphertexts are placeholders). */
    public static Worker worker(String residentIdHash) {
        return new Worker("王师傅", new ProtectedResidentId("cipher", residentIdHash, "610***********0011"),
                new ProtectedMobilePhone("cipher", "phone-hash", "138****1234"), "prefix-key", Gender.MALE,
                java.time.LocalDate.of(1990, 3, 7), "RIDE_HAILING_DRIVER", "首汽约车", null, "610100");
    }
}

package org.unionplatform.common.events.testapp;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.events.AppliedEvents;
import org.unionplatform.common.events.EventHandler;
import org.unionplatform.common.events.ReceivedEvent;

/** Counts approvals apply-once; records what the tests need to see (calls, trace ids) and can be made to fail. */
@Component
public class TallyHandler implements EventHandler {

    private final AppliedEvents appliedEvents;
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<UUID, String> logTraceIds = new ConcurrentHashMap<>();
    private final Set<String> failingEnrollments = ConcurrentHashMap.newKeySet();

    TallyHandler(AppliedEvents appliedEvents) {
        this.appliedEvents = appliedEvents;
    }

    @Override
    public void handle(ReceivedEvent event) {
        calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            logTraceIds.put(event.id(), traceId);
        }
        var approved = event.payload(Enrollment.Approved.class);
        if (failingEnrollments.contains(approved.enrollmentId())) {
            throw new IllegalStateException("tally unavailable for this enrollment");
        }
        appliedEvents.upsertOnce(Tally.class, approved.enrollmentId(), new Update().inc("approvals", 1), event.id());
    }

    public int calls(UUID eventId) {
        var count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    public String logTraceId(UUID eventId) {
        return logTraceIds.get(eventId);
    }

    public void failFor(String enrollmentId) {
        failingEnrollments.add(enrollmentId);
    }

    public void recover(String enrollmentId) {
        failingEnrollments.remove(enrollmentId);
    }
}

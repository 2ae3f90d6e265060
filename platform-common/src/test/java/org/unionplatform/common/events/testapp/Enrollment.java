package org.unionplatform.common.events.testapp;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;
import org.unionplatform.common.events.OutboxAggregate;

/** A sample aggregate: approving it registers {@code sample.approved}. */
@Document("enrollments")
public class Enrollment extends OutboxAggregate {

    @Id
    private String id;
    private String status = "APPLIED";

    public Enrollment(String id) {
        this.id = id;
    }

    public UUID approve() {
        status = "APPROVED";
        return registerEvent(new Approved(id));
    }

    /** Registers an event nobody binds to: the broker cannot route it. */
    public UUID announceUnroutable() {
        return registerEvent(new Unroutable(id));
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    @EventType("sample.approved")
    public record Approved(String enrollmentId) implements DomainEvent {
    }

    @EventType("nobody.listens")
    public record Unroutable(String enrollmentId) implements DomainEvent {
    }
}

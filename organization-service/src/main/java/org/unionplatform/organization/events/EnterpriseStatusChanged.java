package org.unionplatform.organization.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A company moved one step along the union-building pipeline; {@code status} is the new status's enum name. */
@EventType("enterprise.status-changed")
public record EnterpriseStatusChanged(String companyId, String creditCode, String name, String status,
        String coveringOrganizationId, Instant changedAt) implements DomainEvent {
}

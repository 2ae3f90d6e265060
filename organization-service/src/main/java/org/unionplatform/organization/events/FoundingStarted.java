package org.unionplatform.organization.events;

import java.time.Instant;
import java.util.List;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A union is being founded: it does not exist yet, but members may be enrolled into it and are held until the union
 * one level up approves it ({@code organization.established} with the same id). {@code orgPath} is the path the union
 * will have (its parent's path and its id).
 */
@EventType("founding.started")
public record FoundingStarted(String foundingId, String name, String kind, String parentId, String orgPath,
        String divisionCode, List<String> workerTypes, Instant startedAt) implements DomainEvent {
}

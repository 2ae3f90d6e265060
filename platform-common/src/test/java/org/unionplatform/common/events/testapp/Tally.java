package org.unionplatform.common.events.testapp;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The consumer's own view: how many approvals it applied per enrollment. */
@Document("tallies")
public record Tally(@Id String id, int approvals, List<UUID> appliedEvents) {
}

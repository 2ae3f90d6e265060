package org.unionplatform.organization.consultation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A worker's opinion for a consultation round, given from the phone page before the meeting. An anonymous one keeps
 * neither the member id nor a name, even from a signed-in member; otherwise the name the worker gave and, when
 * signed in, their member id. No phone or ID number is asked for.
 */
@Document("consultation_opinions")
@CompoundIndex(name = "round_newest_first", def = "{'consultationId': 1, 'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "round_topic", def = "{'consultationId': 1, 'topic': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
record Opinion(@Id String id, String consultationId, String orgPath, Topic topic, String text, String workerType,
        boolean anonymous, String name, String memberId, Instant submittedAt) {
}

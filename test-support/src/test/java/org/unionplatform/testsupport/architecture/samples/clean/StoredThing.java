package org.unionplatform.testsupport.architecture.samples.clean;

import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

@Document("things")
record StoredThing(UUID id, String name, long version) {
}

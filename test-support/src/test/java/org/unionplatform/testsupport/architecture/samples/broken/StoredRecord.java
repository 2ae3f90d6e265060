package org.unionplatform.testsupport.architecture.samples.broken;

import org.springframework.data.mongodb.core.mapping.Document;

@Document("records")
record StoredRecord(String id, String name) {
}

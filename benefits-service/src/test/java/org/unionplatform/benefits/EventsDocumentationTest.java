package org.unionplatform.benefits;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.EventCatalogue;

/** docs/events.md says what this service publishes and reads; the event records say the same. */
class EventsDocumentationTest {

    @Test
    void docsEventsMdAgreesWithTheEventRecords() {
        EventCatalogue.verify("benefits-service", "org.unionplatform.benefits");
    }
}

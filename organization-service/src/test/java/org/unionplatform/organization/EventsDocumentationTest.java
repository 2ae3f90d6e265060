package org.unionplatform.organization;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.EventCatalogue;

/** docs/events.md says what this service publishes and reads, as its event records do. */
class EventsDocumentationTest {

    @Test
    void eventsDocumentMatchesTheCode() {
        EventCatalogue.verify("organization-service", "org.unionplatform.organization");
    }
}

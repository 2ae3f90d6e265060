package org.unionplatform.station;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.EventCatalogue;

/** docs/events.md says what station-service publishes and reads, exactly as its event records do. */
class EventsDocumentationTest {

    @Test
    void docsEventsMatchesTheEventRecords() {
        EventCatalogue.verify("station-service", "org.unionplatform.station");
    }
}

package org.unionplatform.common.events.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.unionplatform.common.events.EventSubscription;

/** A minimal service using the bus: one aggregate with an outbox, one subscription. */
@SpringBootApplication
public class SampleBusApplication {

    @Bean
    EventSubscription tallySubscription(TallyHandler handler) {
        return EventSubscription.of("tally", handler, "sample.*");
    }
}

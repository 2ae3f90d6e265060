package org.unionplatform.common.events;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay right after an aggregate with pending events was written. */
final class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        if (!event.getSource().pendingEvents().isEmpty() && event.getDocument() != null) {
            relay.wake(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}

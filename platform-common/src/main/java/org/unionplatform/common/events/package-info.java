/**
 * The platform event bus: one durable topic exchange, a single-document transactional outbox on the
 * producer side ({@link org.unionplatform.common.events.OutboxAggregate}), and on the consumer side
 * idempotent, manually acknowledged subscriptions ({@link org.unionplatform.common.events.EventSubscription})
 * with dead-letter queues and a replay endpoint.
 */
package org.unionplatform.common.events;

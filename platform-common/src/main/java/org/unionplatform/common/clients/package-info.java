/**
 * Mechanisms for a service's clients of another service, which live in the service's own {@code client}
 * package: the service token on every call ({@link org.unionplatform.common.clients.ServiceTokenRequests}) and a
 * circuit breaker with every value explicit ({@link org.unionplatform.common.clients.BreakerSettings}). Every
 * instance of the other service, the next asked when one cannot be reached: {@code org.unionplatform.common.failover}.
 */
package org.unionplatform.common.clients;

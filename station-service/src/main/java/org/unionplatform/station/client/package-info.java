/**
 * station-service's client of another service: membership-service's card verification ({@code MembershipClient})
 * behind {@code MemberCards}, which adds the circuit breaker and the degraded answer "cannot tell now".
 */
package org.unionplatform.station.client;

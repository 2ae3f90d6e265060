/**
 * Check-ins: the {@code Visit} aggregate (recorded once per client-generated id, verified later when
 * membership-service could not answer, publishing {@code checkin.recorded} and {@code checkin.verified}), the
 * recording of one visit or an offline batch ({@code Visits}) and the background sweeps that finish interrupted
 * counts and pending verifications.
 */
package org.unionplatform.station.visit;

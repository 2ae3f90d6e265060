/**
 * Visit counts: the station-day counter documents ({@code VisitDay}), their apply-once updates
 * ({@code VisitDayRepository}) and the figures read from them for one station or rolled up
 * ({@code VisitCounts}). Never reads visits.
 */
package org.unionplatform.station.counting;

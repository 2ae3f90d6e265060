/**
 * Stations: the {@code Station} aggregate (details, status, last inspection, publishing {@code station.opened}),
 * the staff endpoints and their scope ({@code Stations}), the public finder ({@code StationFinder}) and the
 * short-lived cache the hot paths read stations through.
 */
package org.unionplatform.station.station;

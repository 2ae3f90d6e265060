/**
 * Positions and the geohash grid in MongoDB ({@code station_cells}) that finds stations near a point on any
 * backend, the embedded one without geo queries included.
 */
package org.unionplatform.station.geo;

/**
 * The stations this service knows from {@code station.opened}: which organisation runs each, so that a worker who
 * joins at a station (a Drivers' Home) is dispatched to the union that runs it (docs/organizations.md).
 */
package org.unionplatform.organization.station;

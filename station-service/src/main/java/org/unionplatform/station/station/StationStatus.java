package org.unionplatform.station.station;

/** Only ACTIVE stations are found and take visits; CLOSED is final. */
public enum StationStatus {
    ACTIVE, SUSPENDED, CLOSED
}

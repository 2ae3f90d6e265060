package org.unionplatform.station.visit;

/** Why a visit is kept apart from the normal counts, for the organizer to look at. */
public enum VisitFlag {
    /** Uploaded more than the window (7 days) after it happened. */
    LATE,
    /** Uploaded while its station was suspended. */
    STATION_SUSPENDED
}

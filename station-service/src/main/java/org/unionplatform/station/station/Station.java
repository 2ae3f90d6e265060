package org.unionplatform.station.station;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.events.StationOpened;
import org.unionplatform.station.geo.GeoPoint;

// Over 200 lines: most of it is the accessors of a document with many fields.
/**
 * A service station (Drivers' Home, love station, rider home, reading room...): what it offers, when it is
 * open, who runs it and whether it passed its last inspection. The document is the truth about a station's
 * position; the spatial index cells ({@code station_cells}) only point at it.
 * <p>
 * Its status moves ACTIVE &lt;-&gt; SUSPENDED and to CLOSED, which is final: a closed station is never reopened
 * (422 {@code station-closed}). Asking for the status a station has already is allowed and only records the reason.
 */
@CompoundIndex(name = "status", def = "{'status': 1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
// Drivers' Homes far and wide, and along routes: by type in a latitude band (the longitude is checked on the entry).
@CompoundIndex(name = "road", def = "{'type': 1, 'status': 1, 'location.lat': 1, 'location.lon': 1}")
@Document(Station.COLLECTION)
public class Station extends OutboxAggregate {

    public static final String COLLECTION = "stations";

    @Id
    private final String id;
    @Version
    private Long version;
    private String name;
    private String type;
    private String address;
    private String divisionCode;
    private final String organizationId;
    private final String orgPath;
    private GeoPoint location;
    /** The spatial index cell of {@link #location}. */
    private String cell;
    private Set<String> amenities;
    private OpeningHours hours;
    private List<String> partners;
    private List<String> attendants;
    private StationStatus status;
    private String statusReason;
    private Inspection lastInspection;
    private final Instant openedAt;
    private Instant updatedAt;

    @PersistenceCreator
    Station(String id, String organizationId, String orgPath, Instant openedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.orgPath = orgPath;
        this.openedAt = openedAt;
    }

    /**
     * A new, active station operated by {@code organizationId}, whose path must end with that id; publishes
     * {@code station.opened}.
     */
    static Station open(String id, String organizationId, String orgPath, StationDetails details, String cell,
            Instant now) {
        if (!orgPath.endsWith("/" + organizationId + "/")) {
            throw new BusinessRuleViolationException("org-path-mismatch",
                    "orgPath must end with the operating organisation's id.");
        }
        Station station = new Station(id, organizationId, orgPath, now);
        station.status = StationStatus.ACTIVE;
        station.describe(details, cell, now);
        station.registerEvent(new StationOpened(id, details.name(), details.type(), orgPath, details.divisionCode()));
        return station;
    }

    /** Replaces what the organizer describes; {@code newCell} is the spatial index cell of the new location. */
    void describe(StationDetails details, String newCell, Instant now) {
        this.name = details.name();
        this.type = details.type();
        this.address = details.address();
        this.divisionCode = details.divisionCode();
        this.location = details.location();
        this.cell = newCell;
        this.amenities = new TreeSet<>(details.amenities());
        this.hours = details.hours();
        this.partners = List.copyOf(details.partners());
        this.attendants = List.copyOf(details.attendants());
        this.updatedAt = now;
    }

    /** Takes visits (again): from ACTIVE or SUSPENDED, never from CLOSED. */
    void reopen(String reason, Instant now) {
        requireNotClosed();
        becomes(StationStatus.ACTIVE, reason, now);
    }

    /** Stops taking visits and disappears from the finder for a while: from ACTIVE or SUSPENDED. */
    void suspend(String reason, Instant now) {
        requireNotClosed();
        becomes(StationStatus.SUSPENDED, reason, now);
    }

    /** Closes the station for good. */
    void close(String reason, Instant now) {
        becomes(StationStatus.CLOSED, reason, now);
    }

    /** The transition an organizer asked for by naming the target status. */
    void changeStatus(StationStatus target, String reason, Instant now) {
        switch (target) {
            case ACTIVE -> reopen(reason, now);
            case SUSPENDED -> suspend(reason, now);
            case CLOSED -> close(reason, now);
        }
    }

    private void requireNotClosed() {
        if (status == StationStatus.CLOSED) {
            throw new BusinessRuleViolationException("station-closed", "A closed station cannot be reopened.");
        }
    }

    private void becomes(StationStatus newStatus, String reason, Instant now) {
        this.status = newStatus;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    /** Keeps the inspection as the last one; it may not lie in the future beyond the clock skew allowed. */
    void recordInspection(Inspection inspection, Instant now, Duration clockSkew) {
        if (inspection.inspectedAt().isAfter(now.plus(clockSkew))) {
            throw new BusinessRuleViolationException("inspection-in-future", "An inspection cannot be in the future.");
        }
        this.lastInspection = inspection;
        this.updatedAt = inspection.inspectedAt();
    }

    public boolean isActive() {
        return status == StationStatus.ACTIVE;
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String address() {
        return address;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public String organizationId() {
        return organizationId;
    }

    public String orgPath() {
        return orgPath;
    }

    public GeoPoint location() {
        return location;
    }

    public String cell() {
        return cell;
    }

    public Set<String> amenities() {
        return amenities == null ? Set.of() : amenities;
    }

    public OpeningHours hours() {
        return hours == null ? OpeningHours.aroundTheClock() : hours;
    }

    public List<String> partners() {
        return partners == null ? List.of() : partners;
    }

    public List<String> attendants() {
        return attendants == null ? List.of() : attendants;
    }

    public StationStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Inspection lastInspection() {
        return lastInspection;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

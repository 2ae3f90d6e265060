package org.unionplatform.station.station;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.geo.GeoPoint;

/**
 * A service station (Drivers' Home, love station, rider home, reading room...): what it offers, when it is
 * open, who runs it and whether it passed its last inspection. The document is the truth about a station's
 * position; the spatial index cells ({@code station_cells}) only point at it.
 */
@Document("stations")
public class Station extends OutboxAggregate {

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

    /** A new, active station; publishes {@code station.opened}. */
    static Station open(String id, String organizationId, String orgPath, StationDetails details, String cell,
            Instant now) {
        Station station = new Station(id, organizationId, orgPath, now);
        station.status = StationStatus.ACTIVE;
        station.apply(details, cell, now);
        station.registerEvent("station.opened", new StationOpened(id, details.name(), details.type(), orgPath,
                details.divisionCode()));
        return station;
    }

    void apply(StationDetails details, String newCell, Instant now) {
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

    void changeStatus(StationStatus newStatus, String reason, Instant now) {
        if (status == StationStatus.CLOSED && newStatus != StationStatus.CLOSED) {
            throw new BusinessRuleViolationException("station-closed", "A closed station cannot be reopened.");
        }
        this.status = newStatus;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    void recordInspection(Inspection inspection) {
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

    /** Payload of {@code station.opened} v1 (CONTRACTS.md). */
    record StationOpened(String stationId, String name, String type, String orgPath, String divisionCode) {
    }
}

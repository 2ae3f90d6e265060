package org.unionplatform.station.station;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.geo.SpatialIndex;

/**
 * Opening, describing, suspending and inspecting stations, with the caller's scope applied: organizers work
 * in their organisation subtree, attendants read their own stations, ADMIN everything.
 */
@Service
public class Stations {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,63}";
    private static final String RESOURCE = "Station";

    private final StationRepository repository;
    private final MongoOperations mongo;
    private final SpatialIndex index;
    private final StationProperties properties;
    private final Clock clock;

    Stations(StationRepository repository, MongoOperations mongo, SpatialIndex index, StationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a station in the caller's subtree (ADMIN anywhere); 404 for an organisation outside it. */
    public Station open(Caller caller, StationRequests.OpenStation request) {
        if (!AccessScope.of(caller).coversOrgPath(request.orgPath())) {
            throw new ResourceNotFoundException("Organization", request.organizationId());
        }
        return open(request.id() == null ? UUID.randomUUID().toString() : request.id(), request.organizationId(),
                request.orgPath(), request.details());
    }

    /** Opens a station without a caller (demo data); the index entry is written before the document. */
    public Station open(String id, String organizationId, String orgPath, StationDetails details) {
        checkVocabulary(details);
        if (repository.existsById(id)) {
            throw new ConflictException("A station with id " + id + " exists already.");
        }
        Station station = Station.open(id, organizationId, orgPath, details, index.cellOf(details.location()),
                clock.instant());
        index.put(id, details.location());
        return repository.insert(station);
    }

    public Station update(Caller caller, String id, StationDetails details) {
        checkVocabulary(details);
        Station station = manageable(caller, id);
        String oldCell = station.cell();
        String newCell = index.cellOf(details.location());
        index.put(id, details.location());
        station.describe(details, newCell, clock.instant());
        Station saved = repository.save(station);
        if (!newCell.equals(oldCell)) {
            index.remove(id, oldCell);
        }
        return saved;
    }

    public Station changeStatus(Caller caller, String id, StationRequests.ChangeStatus request) {
        Station station = manageable(caller, id);
        station.changeStatus(request.status(), request.reason(), clock.instant());
        return repository.save(station);
    }

    public Station inspect(Caller caller, String id, StationRequests.RecordInspection request) {
        Station station = manageable(caller, id);
        Instant now = clock.instant();
        Inspection inspection = Inspection.against(properties.checklistFor(station.type()), request.results(),
                request.inspectedAt() == null ? now : request.inspectedAt(), caller.subject(), request.notes());
        station.recordInspection(inspection, now, properties.visits().clockSkew());
        return repository.save(station);
    }

    /** A station the caller may read: organizer subtree, attendant's own stations, ADMIN. 404 otherwise. */
    public Station readable(Caller caller, String id) {
        AccessScope scope = AccessScope.of(caller);
        Optional<Station> found = repository.findById(id);
        return found.filter(station -> scope.coversOrgPath(station.orgPath()) || scope.coversStation(station.id()))
                .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
    }

    /** Stations the caller may read, filtered in the query. */
    public Page<Station> list(Caller caller, StationStatus status, String type, String divisionCode,
            Pageable pageable) {
        AccessScope scope = AccessScope.of(caller);
        Criteria reach = caller.isAdmin() ? new Criteria()
                : caller.orgPath() != null ? scope.subtree("orgPath") : scope.stations("_id");
        List<Criteria> all = new ArrayList<>(List.of(reach));
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (type != null) {
            all.add(Criteria.where("type").is(type));
        }
        if (divisionCode != null) {
            all.add(DivisionCodes.criteria("divisionCode", divisionCode));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        long total = mongo.count(query, Station.class);
        List<Station> page = mongo.find(Query.of(query).with(pageable).with(Sort.by("_id")), Station.class);
        return new PageImpl<>(page, pageable, total);
    }

    /** For writes: the station must be in the caller's organisation subtree (404 otherwise). */
    private Station manageable(Caller caller, String id) {
        return AccessScope.of(caller).requireInSubtree(repository.findById(id), Station::orgPath, RESOURCE, id);
    }

    private void checkVocabulary(StationDetails details) {
        if (!properties.types().contains(details.type())) {
            throw new BusinessRuleViolationException("unknown-station-type",
                    "Unknown station type " + details.type() + "; known: " + properties.types());
        }
        for (String amenity : details.amenities()) {
            if (!properties.amenities().contains(amenity)) {
                throw new BusinessRuleViolationException("unknown-amenity",
                        "Unknown amenity " + amenity + "; known: " + properties.amenities());
            }
        }
    }
}

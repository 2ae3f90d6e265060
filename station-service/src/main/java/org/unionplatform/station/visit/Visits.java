package org.unionplatform.station.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.pii.QrTokenHash;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.client.MemberCards;
import org.unionplatform.station.counting.VisitDayRepository;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.StationCache;
import org.unionplatform.station.station.StationStatus;
import org.unionplatform.station.visit.VisitRequests.Outcome;
import org.unionplatform.station.visit.VisitRequests.VisitItem;
import org.unionplatform.station.visit.VisitRequests.VisitResult;

// Over 200 lines: one visit and a batch share their checks, member look-up, duplicate handling and counting.
/**
 * Records visits: checks each one, asks membership-service about members (recording them unverified when it
 * cannot answer), inserts the visit keyed by its client id, then counts it. An id already recorded answers
 * "duplicate" when the upload is that very visit again, "conflict" when it describes another visit
 * ({@link Visit#isRepeatOf}). Late visits and visits at a suspended station are kept, flagged.
 * <p>
 * The insert and the count are two single-document writes; the {@code counted} flag follows in bulk. The count
 * is apply-once by visit id (see {@link VisitDayRepository}), so whoever finishes an interrupted count (a
 * duplicate upload of the same visit, or the {@link VisitSweeps counting sweep}) cannot count it twice.
 */
@Service
public class Visits {

    static final String UNKNOWN_WORKER_TYPE = "UNKNOWN";
    private static final Pattern VISIT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[A-Za-z0-9-]{4,32}");
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;
    private final StationCache stations;
    private final VisitDayRepository counters;
    private final CountedMarks countedMarks;
    private final SweepSignals signals;
    private final MemberCards memberCards;
    private final StationProperties properties;
    private final WorkerTypes workerTypes;
    private final Clock clock;

    Visits(MongoOperations mongo, StationCache stations, VisitDayRepository counters, CountedMarks countedMarks,
            SweepSignals signals, MemberCards memberCards, StationProperties properties, WorkerTypes workerTypes,
            Clock clock) {
        this.mongo = mongo;
        this.stations = stations;
        this.counters = counters;
        this.countedMarks = countedMarks;
        this.signals = signals;
        this.memberCards = memberCards;
        this.properties = properties;
        this.workerTypes = workerTypes;
        this.clock = clock;
    }

    /**
     * One visit: the station from the cache, then the insert (its primary key answers "duplicate"), the count,
     * and the {@code counted} flag later in bulk ({@link CountedMarks}). Only a member visit is looked up first,
     * so that a resent one costs no call to membership-service.
     */
    public VisitResult record(Caller caller, VisitItem item) {
        Checked checked = check(caller, item, stations.find(stationIdOf(item)), clock.instant());
        if (checked.rejection() != null) {
            return checked.rejection();
        }
        Visit.Upload upload = upload(caller, item);
        if (isMember(item)) {
            Visit existing = mongo.findById(item.visitId(), Visit.class);
            if (existing != null) {
                return known(existing, upload);
            }
        }
        Visit.Visitor visitor = visitor(item);
        if (visitor == null) {
            return VisitResult.rejected(item.visitId(), "MEMBER_NOT_FOUND");
        }
        Visit visit = newVisit(caller, item, checked.station(), visitor, checked.now());
        try {
            mongo.insert(visit);
        } catch (DuplicateKeyException recordedBefore) {
            return known(mongo.findById(visit.id(), Visit.class), upload);
        }
        recorded(List.of(visit));
        return created(visit);
    }

    /**
     * Inserts a visit under an id derived from what it is (a member's own check-in) and counts it; a visit
     * already under that id is the same one, the duplicate.
     */
    VisitResult recordOnce(Visit visit) {
        try {
            mongo.insert(visit);
        } catch (DuplicateKeyException recordedBefore) {
            return duplicate(mongo.findById(visit.id(), Visit.class));
        }
        recorded(List.of(visit));
        return created(visit);
    }

    /**
     * A batch, in bulk where that keeps every item's result exact: its stations in one read, its known visits in
     * one read, the new ones in one unordered bulk insert (an item the primary key refuses is a duplicate), and
     * the counts in one conditional update per station-day. A visit id repeated within the batch is recorded
     * one item at a time after the rest, exactly as if uploaded again.
     */
    public List<VisitResult> recordAll(Caller caller, List<VisitItem> items) {
        Instant now = clock.instant();
        Map<String, Station> stationsById = stations.findAll(items.stream()
                .map(Visits::stationIdOf).filter(Objects::nonNull).collect(Collectors.toSet()));
        VisitResult[] results = new VisitResult[items.size()];
        Map<String, Integer> firstIndexById = new LinkedHashMap<>();
        List<Integer> repeated = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            VisitItem item = items.get(i);
            Checked checked = check(caller, item, Optional.ofNullable(stationsById.get(stationIdOf(item))), now);
            if (checked.rejection() != null) {
                results[i] = checked.rejection();
            } else if (firstIndexById.putIfAbsent(item.visitId(), i) != null) {
                repeated.add(i);
            }
        }
        Map<String, Visit> known = new HashMap<>();
        if (!firstIndexById.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(firstIndexById.keySet())), Visit.class)
                    .forEach(visit -> known.put(visit.id(), visit));
        }
        List<Visit> fresh = new ArrayList<>();
        List<Integer> freshIndexes = new ArrayList<>();
        List<Visit> unfinished = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : firstIndexById.entrySet()) {
            int i = entry.getValue();
            VisitItem item = items.get(i);
            Visit existing = known.get(entry.getKey());
            if (existing != null) {
                boolean repeat = existing.isRepeatOf(upload(caller, item));
                if (repeat && !existing.counted()) {
                    unfinished.add(existing);
                }
                results[i] = repeat ? duplicateResult(existing) : VisitResult.conflict(existing.id());
                continue;
            }
            Visit.Visitor visitor = visitor(item);
            if (visitor == null) {
                results[i] = VisitResult.rejected(item.visitId(), "MEMBER_NOT_FOUND");
                continue;
            }
            fresh.add(newVisit(caller, item, stationsById.get(item.stationId()), visitor, now));
            freshIndexes.add(i);
        }
        Set<Integer> refused = insertAll(fresh);
        List<Visit> created = new ArrayList<>();
        for (int f = 0; f < fresh.size(); f++) {
            Visit visit = fresh.get(f);
            if (refused.contains(f)) {
                // Uploaded by someone else between our read and our insert: theirs is the visit.
                results[freshIndexes.get(f)] = known(mongo.findById(visit.id(), Visit.class),
                        upload(caller, items.get(freshIndexes.get(f))));
            } else {
                created.add(visit);
                results[freshIndexes.get(f)] = created(visit);
            }
        }
        recorded(created);
        finishCounting(unfinished);
        for (int i : repeated) {
            results[i] = record(caller, items.get(i));
        }
        return List.of(results);
    }

    /** Inserts the visits unordered in one bulk write; the positions of those the primary key refused. */
    private Set<Integer> insertAll(List<Visit> visits) {
        if (visits.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Visit.class).insert(visits).execute();
            return Set.of();
        } catch (BulkOperationException e) {
            Set<Integer> refused = new HashSet<>();
            for (var error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
            return refused;
        }
    }

    /** Counts visits just inserted, signalling the sweeps what they leave: unverified visits, or a failed count. */
    private void recorded(List<Visit> visits) {
        Instant now = clock.instant();
        if (visits.stream().anyMatch(visit -> visit.verification() == Verification.PENDING)) {
            signals.unverifiedVisitRecorded(now);
        }
        try {
            if (visits.size() == 1) {
                finishCounting(visits.getFirst());
            } else {
                finishCounting(visits);
            }
        } catch (RuntimeException e) {
            signals.uncountedVisitLeft(now); // inserted, not counted: the counting sweep finishes them
            throw e;
        }
    }

    /** Counts the visit (apply-once); safe to repeat. */
    void finishCounting(Visit visit) {
        counters.count(visit.tally());
        countedMarks.add(visit.id());
    }

    private void finishCounting(List<Visit> visits) {
        if (visits.isEmpty()) {
            return;
        }
        counters.countAll(visits.stream().map(Visit::tally).toList());
        visits.forEach(visit -> countedMarks.add(visit.id()));
    }

    /** The visit already under the upload's id: this one again (duplicate), or another one (conflict). */
    private VisitResult known(Visit existing, Visit.Upload upload) {
        if (existing != null && !existing.isRepeatOf(upload)) {
            return VisitResult.conflict(existing.id());
        }
        return duplicate(existing);
    }

    private static VisitResult created(Visit visit) {
        return visit.flag() == null ? new VisitResult(visit.id(), Outcome.CREATED, null, visit.verification())
                : new VisitResult(visit.id(), Outcome.FLAGGED, visit.flag().name(), visit.verification());
    }

    private VisitResult duplicate(Visit existing) {
        if (existing != null && !existing.counted()) {
            finishCounting(existing);
        }
        return duplicateResult(existing);
    }

    private static VisitResult duplicateResult(Visit existing) {
        return new VisitResult(existing == null ? null : existing.id(), Outcome.DUPLICATE,
                existing == null || existing.flag() == null ? null : existing.flag().name(),
                existing == null ? null : existing.verification());
    }

    /** The item's checks that need no database (its station comes with it): a rejection, or the station. */
    private Checked check(Caller caller, VisitItem item, Optional<Station> found, Instant now) {
        if (item == null || item.visitId() == null || !VISIT_ID.matcher(item.visitId()).matches()) {
            return Checked.rejected(VisitResult.rejected(item == null ? null : item.visitId(), "INVALID_VISIT_ID"));
        }
        // Not one of the caller's stations answers exactly like an unknown one: existence must not leak.
        if (found.isEmpty() || !AccessScope.of(caller).coversStation(found.get().id())) {
            return Checked.rejected(VisitResult.rejected(item.visitId(), "STATION_NOT_FOUND"));
        }
        // A suspended station's visits are kept, flagged (recorded before the suspension reached the phone).
        if (found.get().status() == StationStatus.CLOSED) {
            return Checked.rejected(VisitResult.rejected(item.visitId(), "STATION_NOT_ACTIVE"));
        }
        String invalid = invalidity(item, now);
        if (invalid != null) {
            return Checked.rejected(VisitResult.rejected(item.visitId(), invalid));
        }
        return new Checked(null, found.get(), now);
    }

    private record Checked(VisitResult rejection, Station station, Instant now) {

        static Checked rejected(VisitResult rejection) {
            return new Checked(rejection, null, null);
        }
    }

    private static String stationIdOf(VisitItem item) {
        return item == null ? null : item.stationId();
    }

    private static boolean isMember(VisitItem item) {
        return item.cardNumber() != null || item.qrToken() != null;
    }

    private Visit newVisit(Caller caller, VisitItem item, Station station, Visit.Visitor visitor, Instant now) {
        return Visit.record(item.visitId(), station, item.visitedAt(), now, caller.subject(), visitor,
                List.copyOf(new LinkedHashSet<>(item.services() == null ? List.of() : item.services())),
                properties.visits().maxAge(), true);
    }

    private static Visit.Upload upload(Caller caller, VisitItem item) {
        return new Visit.Upload(item.stationId(), caller.subject(), item.visitedAt(), item.cardNumber(),
                item.qrToken() == null ? null : QrTokenHash.of(item.qrToken()), item.workerType(), item.services());
    }

    private String invalidity(VisitItem item, Instant now) {
        StationProperties.Visits rules = properties.visits();
        if (item.visitedAt() == null) {
            return "MISSING_TIME";
        }
        if (item.visitedAt().isAfter(now.plus(rules.clockSkew()))) {
            return "FUTURE_TIME";
        }
        if (item.visitedAt().isBefore(now.minus(rules.keepLateFor()))) {
            return "TOO_OLD";
        }
        boolean card = item.cardNumber() != null;
        boolean qr = item.qrToken() != null;
        if (card && qr) {
            return "AMBIGUOUS_VISITOR";
        }
        if (card && !CARD_NUMBER.matcher(item.cardNumber()).matches()
                || qr && (item.qrToken().isBlank() || item.qrToken().length() > 1024)) {
            return "INVALID_CARD";
        }
        if (!card && !qr && item.workerType() == null) {
            return "MISSING_WORKER_TYPE";
        }
        if (item.workerType() != null && !workerTypes.isKnown(item.workerType())) {
            return "UNKNOWN_WORKER_TYPE";
        }
        List<String> services = item.services() == null ? List.of() : item.services();
        if (services.size() > properties.services().size()
                || !properties.services().containsAll(services)) {
            return "UNKNOWN_SERVICE";
        }
        return null;
    }

    /** The visitor as far as known now; null if membership-service says there is no such member. */
    private Visit.Visitor visitor(VisitItem item) {
        if (item.cardNumber() == null && item.qrToken() == null) {
            return new Visit.Visitor(null, null, null, item.workerType(), Verification.ANONYMOUS);
        }
        MemberCards.Verification answer = item.cardNumber() != null ? memberCards.byCardNumber(item.cardNumber())
                : memberCards.byQrToken(item.qrToken());
        String hinted = item.workerType() == null ? UNKNOWN_WORKER_TYPE : item.workerType();
        String qrTokenHash = item.qrToken() == null ? null : QrTokenHash.of(item.qrToken());
        return switch (answer) {
            case MemberCards.Member member -> new Visit.Visitor(member.memberId(),
                    member.cardNumber() == null ? item.cardNumber() : member.cardNumber(), qrTokenHash,
                    member.workerType() == null ? hinted : member.workerType(), Verification.VERIFIED);
            case MemberCards.NoSuchMember none -> null;
            case MemberCards.Unavailable unavailable -> new Visit.Visitor(null, item.cardNumber(), qrTokenHash,
                    hinted, Verification.PENDING);
        };
    }
}

package org.unionplatform.station.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.counting.VisitCounters;
import org.unionplatform.station.membership.MemberCards;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.StationRepository;
import org.unionplatform.station.visit.VisitRequests.Outcome;
import org.unionplatform.station.visit.VisitRequests.VisitItem;
import org.unionplatform.station.visit.VisitRequests.VisitResult;

/**
 * Records visits: checks each one, asks membership-service about members (recording them unverified when it
 * cannot answer), inserts the visit keyed by its client id (a second insert is a duplicate), then counts it.
 * <p>
 * The insert and the count are two single-document writes. The count is apply-once by visit id (see
 * {@link VisitCounters}), so whoever finishes an interrupted count (a duplicate upload of the same visit, or
 * the {@link VisitSweeps counting sweep}) cannot count it twice.
 */
@Service
public class VisitRecorder {

    static final String UNKNOWN_WORKER_TYPE = "UNKNOWN";
    private static final Pattern VISIT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[A-Za-z0-9-]{4,32}");

    private final MongoOperations mongo;
    private final StationRepository stations;
    private final VisitCounters counters;
    private final MemberCards memberCards;
    private final StationProperties properties;
    private final Clock clock;

    VisitRecorder(MongoOperations mongo, StationRepository stations, VisitCounters counters, MemberCards memberCards,
            StationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.stations = stations;
        this.counters = counters;
        this.memberCards = memberCards;
        this.properties = properties;
        this.clock = clock;
    }

    public VisitResult record(Caller caller, VisitItem item) {
        return record(caller, item, new HashMap<>());
    }

    public List<VisitResult> recordAll(Caller caller, List<VisitItem> items) {
        Map<String, Optional<Station>> stationsSeen = new HashMap<>();
        List<VisitResult> results = new ArrayList<>(items.size());
        for (VisitItem item : items) {
            results.add(record(caller, item, stationsSeen));
        }
        return results;
    }

    private VisitResult record(Caller caller, VisitItem item, Map<String, Optional<Station>> stationsSeen) {
        if (item == null || item.visitId() == null || !VISIT_ID.matcher(item.visitId()).matches()) {
            return VisitResult.rejected(item == null ? null : item.visitId(), "INVALID_VISIT_ID");
        }
        String visitId = item.visitId();
        Optional<Station> found = item.stationId() == null ? Optional.empty()
                : stationsSeen.computeIfAbsent(item.stationId(), stations::findById);
        // Not one of the caller's stations answers exactly like an unknown one: existence must not leak.
        if (found.isEmpty() || !AccessScope.of(caller).coversStation(found.get().id())) {
            return VisitResult.rejected(visitId, "STATION_NOT_FOUND");
        }
        Station station = found.get();
        if (!station.isActive()) {
            return VisitResult.rejected(visitId, "STATION_NOT_ACTIVE");
        }
        Instant now = clock.instant();
        String invalid = invalidity(item, now);
        if (invalid != null) {
            return VisitResult.rejected(visitId, invalid);
        }
        Visit existing = mongo.findById(visitId, Visit.class);
        if (existing != null) {
            return duplicate(existing);
        }
        Visit.Visitor visitor = visitor(item);
        if (visitor == null) {
            return VisitResult.rejected(visitId, "MEMBER_NOT_FOUND");
        }
        Visit visit = Visit.record(visitId, station, item.visitedAt(), now, caller.subject(), visitor,
                List.copyOf(new LinkedHashSet<>(item.services() == null ? List.of() : item.services())), true);
        try {
            mongo.insert(visit);
        } catch (DuplicateKeyException concurrentUpload) {
            return duplicate(mongo.findById(visitId, Visit.class));
        }
        finishCounting(visit);
        return new VisitResult(visitId, Outcome.CREATED, null, visit.verification());
    }

    /** Counts the visit (apply-once) and notes it on the visit; safe to repeat. */
    void finishCounting(Visit visit) {
        counters.count(visit.tally());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(visit.id())), Update.update("counted", true),
                Visit.class);
    }

    private VisitResult duplicate(Visit existing) {
        if (existing != null && !existing.counted()) {
            finishCounting(existing);
        }
        return new VisitResult(existing == null ? null : existing.id(), Outcome.DUPLICATE, null,
                existing == null ? null : existing.verification());
    }

    private String invalidity(VisitItem item, Instant now) {
        StationProperties.Visits rules = properties.visits();
        if (item.visitedAt() == null) {
            return "MISSING_TIME";
        }
        if (item.visitedAt().isAfter(now.plus(rules.clockSkew()))) {
            return "FUTURE_TIME";
        }
        if (item.visitedAt().isBefore(now.minus(rules.maxAge()))) {
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
        if (item.workerType() != null && !properties.workerTypes().contains(item.workerType())) {
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
        return switch (answer) {
            case MemberCards.Member member -> new Visit.Visitor(member.memberId(),
                    member.cardNumber() == null ? item.cardNumber() : member.cardNumber(), null,
                    member.workerType() == null ? hinted : member.workerType(), Verification.VERIFIED);
            case MemberCards.NoSuchMember none -> null;
            case MemberCards.Unavailable unavailable -> new Visit.Visitor(null, item.cardNumber(), item.qrToken(),
                    hinted, Verification.PENDING);
        };
    }
}

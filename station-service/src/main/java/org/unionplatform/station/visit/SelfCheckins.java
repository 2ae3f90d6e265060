package org.unionplatform.station.visit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.common.web.ServiceUnavailableException;
import org.unionplatform.station.client.MemberCards;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.StationCache;
import org.unionplatform.station.visit.VisitRequests.Outcome;
import org.unionplatform.station.visit.VisitRequests.VisitResult;

/**
 * A member checks themselves in at a station (the printed QR code's page), identified by their own token.
 * <p>
 * At most one counted visit per member and station within an hour, without a lock: the visit id is derived
 * from member, station and the Asia/Shanghai clock hour, so it goes through the same idempotent insert as an
 * attendant's visit and two simultaneous taps count once. A visit of the previous clock hour less than an hour
 * ago answers the same way, so 10:59 and 11:01 are one visit too (see docs/stations.md).
 */
@Service
public class SelfCheckins {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final MongoOperations mongo;
    private final StationCache stations;
    private final Visits recorder;
    private final MemberCards memberCards;
    private final Clock clock;

    SelfCheckins(MongoOperations mongo, StationCache stations, Visits recorder, MemberCards memberCards,
            Clock clock) {
        this.mongo = mongo;
        this.stations = stations;
        this.recorder = recorder;
        this.memberCards = memberCards;
        this.clock = clock;
    }

    /**
     * @param counted     true if this call counted the visit; false if one was counted within the hour before
     * @param countedAt   when the counted visit was recorded
     * @param countedTime the same as HH:mm in Asia/Shanghai
     * @param nextFrom    from when another check-in at this station counts
     */
    public record SelfCheckin(String visitId, String stationId, String stationName, boolean counted,
            Instant countedAt, String countedTime, Instant nextFrom) {
    }

    public SelfCheckin checkIn(Caller caller, String stationId) {
        String memberId = caller.memberId();
        if (memberId == null || memberId.isBlank()) {
            throw new ResourceNotFoundException("Member", "self");
        }
        Station station = stations.find(stationId).orElseThrow(() -> new ResourceNotFoundException("Station",
                stationId));
        if (!station.isActive()) {
            throw new BusinessRuleViolationException("STATION_NOT_ACTIVE",
                    "The station is " + station.status() + " and takes no check-ins now.");
        }
        Instant now = clock.instant();
        ZonedDateTime hour = now.atZone(ChinaTime.ZONE).truncatedTo(ChronoUnit.HOURS);
        String visitId = visitId(memberId, stationId, hour);
        Visit earlier = mongo.findById(visitId, Visit.class);
        if (earlier == null) {
            Visit lastHour = mongo.findById(visitId(memberId, stationId, hour.minusHours(1)), Visit.class);
            earlier = lastHour != null && lastHour.visitedAt().isAfter(now.minus(WINDOW)) ? lastHour : null;
        }
        if (earlier != null) {
            return already(earlier, station);
        }
        Visit.Visitor visitor = verifiedMember(memberId);
        Visit visit = Visit.record(visitId, station, now, now, caller.subject(), visitor, List.of(), null, true);
        VisitResult result = recorder.recordOnce(visit);
        if (result.outcome() == Outcome.DUPLICATE) {
            return already(mongo.findById(visitId, Visit.class), station);
        }
        return answer(visit, station, true);
    }

    private Visit.Visitor verifiedMember(String memberId) {
        return switch (memberCards.byMemberId(memberId)) {
            case MemberCards.Member member when "ACTIVE".equals(member.status()) ->
                    new Visit.Visitor(member.memberId(), null, null,
                            member.workerType() == null ? Visits.UNKNOWN_WORKER_TYPE : member.workerType(),
                            Verification.VERIFIED);
            case MemberCards.Member member -> throw new BusinessRuleViolationException("MEMBER_NOT_ACTIVE",
                    "Only an active member checks in; this membership is " + member.status() + ".");
            case MemberCards.NoSuchMember none -> throw new ResourceNotFoundException("Member", memberId);
            case MemberCards.Unavailable unavailable -> throw new ServiceUnavailableException("membership-service",
                    "Your membership cannot be confirmed just now; nothing was counted. Try again shortly.");
        };
    }

    /** The visit counted before: finishes its count if an interrupted request left it, counts nothing new. */
    private SelfCheckin already(Visit visit, Station station) {
        if (!visit.counted()) {
            recorder.finishCounting(visit);
        }
        return answer(visit, station, false);
    }

    private static SelfCheckin answer(Visit visit, Station station, boolean counted) {
        return new SelfCheckin(visit.id(), station.id(), station.name(), counted, visit.visitedAt(),
                visit.visitedAt().atZone(ChinaTime.ZONE).format(HH_MM), visit.visitedAt().plus(WINDOW));
    }

    /** {@code self-} and a hash of member, station and hour: the same three always give the same id. */
    static String visitId(String memberId, String stationId, ZonedDateTime hour) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((memberId + '\n' + stationId + '\n'
                    + hour.format(HOUR_KEY)).getBytes(StandardCharsets.UTF_8));
            return "self-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package org.unionplatform.station.visit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.station.counting.VisitDayRepository;
import org.unionplatform.station.events.CheckinRecorded;
import org.unionplatform.station.events.CheckinVerified;
import org.unionplatform.station.station.Station;

/**
 * One visit to a station, keyed by the id the attendant's phone generated: inserting it twice fails on the
 * primary key, which is what makes uploads idempotent. {@code counted} turns true once the station-day
 * counters include it; a sweep finishes the counting of visits whose request was interrupted in between.
 * <p>
 * A member visit recorded while membership-service could not answer is PENDING until a later answer settles it
 * once: VERIFIED (the member) or UNMATCHED (no such card). ANONYMOUS, VERIFIED and UNMATCHED visits are settled;
 * settling one again is refused (409).
 */
@CompoundIndex(name = "counted_recordedAt", def = "{'counted': 1, 'recordedAt': 1}")
@CompoundIndex(name = "verification_counted", def = "{'verification': 1, 'counted': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@Document(Visit.COLLECTION)
public class Visit extends OutboxAggregate {

    public static final String COLLECTION = "visits";

    @Id
    private final String id;
    @Version
    private Long version;
    private final String stationId;
    private final String stationName;
    private final String orgPath;
    private final String divisionCode;
    private final Instant visitedAt;
    /** Asia/Shanghai day and hour of the visit: the counters' keys. */
    private final String day;
    private final int hour;
    private final Instant recordedAt;
    private final String recordedBy;
    private String memberId;
    private String cardNumber;
    /** A member QR token kept only until the visit is verified. */
    private String pendingQrToken;
    private Verification verification;
    /** The worker type the visit is counted under. */
    private String workerType;
    private final List<String> services;
    private boolean counted;

    @PersistenceCreator
    Visit(String id, String stationId, String stationName, String orgPath, String divisionCode, Instant visitedAt,
            String day, int hour, Instant recordedAt, String recordedBy, List<String> services) {
        this.id = id;
        this.stationId = stationId;
        this.stationName = stationName;
        this.orgPath = orgPath;
        this.divisionCode = divisionCode;
        this.visitedAt = visitedAt;
        this.day = day;
        this.hour = hour;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.services = services == null ? List.of() : List.copyOf(services);
    }

    /** A new visit; registers {@code checkin.recorded} (stored with the visit, published after). */
    static Visit record(String id, Station station, Instant visitedAt, Instant now, String recordedBy,
            Visitor visitor, List<String> services, boolean publish) {
        ZonedDateTime local = visitedAt.atZone(ChinaTime.ZONE);
        Visit visit = new Visit(id, station.id(), station.name(), station.orgPath(), station.divisionCode(),
                visitedAt, local.toLocalDate().toString(), local.getHour(), now, recordedBy, services);
        // Set here rather than by the template's insert: a bulk insert leaves it unset, and a later save of an
        // unversioned document would be taken for a new one.
        visit.version = 0L;
        visit.memberId = visitor.memberId();
        visit.cardNumber = visitor.cardNumber();
        visit.pendingQrToken = visitor.verification() == Verification.PENDING ? visitor.qrToken() : null;
        visit.verification = visitor.verification();
        visit.workerType = visitor.workerType();
        if (publish) {
            visit.registerEvent(new CheckinRecorded(id, station.id(), station.name(),
                    station.orgPath(), visit.memberId, visit.verification == Verification.VERIFIED,
                    visit.workerType, visit.services, visitedAt));
        }
        return visit;
    }

    /** membership-service confirmed the member of a pending visit; registers {@code checkin.verified}. */
    void verified(String verifiedMemberId, String verifiedCardNumber, String verifiedWorkerType) {
        requirePending();
        this.memberId = verifiedMemberId;
        this.cardNumber = verifiedCardNumber == null ? cardNumber : verifiedCardNumber;
        this.workerType = verifiedWorkerType;
        this.pendingQrToken = null;
        this.verification = Verification.VERIFIED;
        registerEvent(new CheckinVerified(id, stationId, stationName, memberId, visitedAt));
    }

    /** membership-service knows no such card: the pending visit stays, without a member. */
    void unmatched() {
        requirePending();
        this.pendingQrToken = null;
        this.verification = Verification.UNMATCHED;
    }

    private void requirePending() {
        if (verification != Verification.PENDING) {
            throw new ConflictException("Visit " + id + " is " + verification + ", not awaiting verification.");
        }
    }

    void markCounted() {
        this.counted = true;
    }

    VisitDayRepository.Tally tally() {
        return new VisitDayRepository.Tally(id, stationId, day, hour, orgPath, divisionCode, workerType, services);
    }

    public String id() {
        return id;
    }

    public String stationId() {
        return stationId;
    }

    public String day() {
        return day;
    }

    public Instant visitedAt() {
        return visitedAt;
    }

    public String memberId() {
        return memberId;
    }

    public String cardNumber() {
        return cardNumber;
    }

    String pendingQrToken() {
        return pendingQrToken;
    }

    public Verification verification() {
        return verification;
    }

    public String workerType() {
        return workerType;
    }

    public List<String> services() {
        return services;
    }

    public boolean counted() {
        return counted;
    }

    /** Who the visitor is, as far as known when recording. */
    record Visitor(String memberId, String cardNumber, String qrToken, String workerType,
            Verification verification) {
    }
}

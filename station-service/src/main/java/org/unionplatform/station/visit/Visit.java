package org.unionplatform.station.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

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
import org.unionplatform.station.station.StationStatus;

/**
 * One visit to a station, keyed by the id the attendant's phone generated: inserting it twice fails on the
 * primary key, which is what makes uploads idempotent. {@code counted} turns true once the station-day
 * counters include it; a sweep finishes the counting of visits whose request was interrupted in between.
 * <p>
 * A member visit recorded while membership-service could not answer is PENDING until a later answer settles it
 * once: VERIFIED (the member) or UNMATCHED (no such card). ANONYMOUS, VERIFIED and UNMATCHED visits are settled;
 * settling one again is refused (409).
 * <p>
 * A visit uploaded later than the window after it happened, or at a station suspended meanwhile, is kept with a
 * {@link VisitFlag}: counted apart from the normal figures, published to no one, listed for the organizer.
 */
@CompoundIndex(name = "counted_recordedAt", def = "{'counted': 1, 'recordedAt': 1}")
@CompoundIndex(name = "verification_counted", def = "{'verification': 1, 'counted': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@Document(Visit.COLLECTION)
// The organizer's list of flagged visits, newest first; only flagged visits are in it (on a real MongoDB).
@CompoundIndex(name = "flagged", def = "{'flag': 1, 'recordedAt': -1, '_id': 1, 'orgPath': 1}",
        partialFilter = "{'flag': {'$exists': true}}")
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
    /** Of a visit by member QR code: the token's hash (platform-common {@code QrTokenHash}), never the token. */
    private String qrTokenHash;
    /** Why the visit is held apart from the normal counts; null for a normal visit. */
    private VisitFlag flag;
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

    /**
     * A new visit; registers {@code checkin.recorded} (stored with the visit, published after) unless it is
     * flagged: at a suspended station, or older than {@code window} (null: never late, e.g. demo history).
     */
    static Visit record(String id, Station station, Instant visitedAt, Instant now, String recordedBy,
            Visitor visitor, List<String> services, Duration window, boolean publish) {
        ZonedDateTime local = visitedAt.atZone(ChinaTime.ZONE);
        Visit visit = new Visit(id, station.id(), station.name(), station.orgPath(), station.divisionCode(),
                visitedAt, local.toLocalDate().toString(), local.getHour(), now, recordedBy, services);
        // Set here rather than by the template's insert: a bulk insert leaves it unset, and a later save of an
        // unversioned document would be taken for a new one.
        visit.version = 0L;
        visit.memberId = visitor.memberId();
        visit.cardNumber = visitor.cardNumber();
        visit.qrTokenHash = visitor.qrTokenHash();
        visit.verification = visitor.verification();
        visit.workerType = visitor.workerType();
        visit.flag = station.status() == StationStatus.SUSPENDED ? VisitFlag.STATION_SUSPENDED
                : window != null && visitedAt.isBefore(now.minus(window)) ? VisitFlag.LATE : null;
        if (publish && visit.flag == null) {
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
        this.verification = Verification.VERIFIED;
        if (flag == null) {
            registerEvent(new CheckinVerified(id, stationId, stationName, memberId, visitedAt));
        }
    }

    /** membership-service knows no such card: the pending visit stays, without a member. */
    void unmatched() {
        requirePending();
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

    /**
     * Whether an upload under this visit's id is this very visit sent again (idempotent: nothing changes) rather
     * than another visit that happens to carry the same id (a conflict): same station, same attendant, same time
     * (to the millisecond stored), same services and the same visitor (card, QR code, or for an anonymous worker
     * the worker type; a member's worker type is only a hint, replaced on verification).
     */
    boolean isRepeatOf(Upload upload) {
        boolean sameVisitor = upload.cardNumber() != null ? upload.cardNumber().equals(cardNumber)
                : upload.qrTokenHash() != null ? upload.qrTokenHash().equals(qrTokenHash)
                : cardNumber == null && qrTokenHash == null && memberId == null
                        && Objects.equals(upload.workerType(), workerType);
        return sameVisitor && stationId.equals(upload.stationId()) && Objects.equals(recordedBy, upload.recordedBy())
                && upload.visitedAt() != null
                && visitedAt.truncatedTo(ChronoUnit.MILLIS).equals(upload.visitedAt().truncatedTo(ChronoUnit.MILLIS))
                && new HashSet<>(services).equals(new HashSet<>(upload.services() == null ? List.of()
                        : upload.services()));
    }

    VisitDayRepository.Tally tally() {
        return new VisitDayRepository.Tally(id, stationId, day, hour, orgPath, divisionCode, workerType, services,
                flag == null ? null : flag.name(), verification == Verification.ANONYMOUS);
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

    String qrTokenHash() {
        return qrTokenHash;
    }

    public VisitFlag flag() {
        return flag;
    }

    public String stationName() {
        return stationName;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
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

    /** Who the visitor is, as far as known when recording; a QR code only by its token's hash. */
    record Visitor(String memberId, String cardNumber, String qrTokenHash, String workerType,
            Verification verification) {
    }

    /** What an upload says of a visit, to tell a repeat from a colliding id ({@link #isRepeatOf}). */
    record Upload(String stationId, String recordedBy, Instant visitedAt, String cardNumber, String qrTokenHash,
            String workerType, List<String> services) {
    }
}

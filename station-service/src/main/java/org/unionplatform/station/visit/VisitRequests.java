package org.unionplatform.station.visit;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the visit endpoints. */
final class VisitRequests {

    private VisitRequests() {
    }

    /**
     * One visit as the attendant's phone recorded it. Checked item by item (a bad item must not fail its batch),
     * so the fields carry no bean validation; the rules are in {@link Visits}.
     *
     * @param visitId    generated on the phone (UUID or 8-64 letters, digits, '-'): the idempotency key
     * @param cardNumber the member's card number, or
     * @param qrToken    the member QR token from membership-service, or neither for an anonymous worker
     * @param workerType required for anonymous visitors; a hint for members until they are verified
     * @param services   services used, from {@code platform.station.services}
     * @param visitedAt  when; not in the future; older than the window (7 days) it is kept but flagged LATE,
     *                   older than a year refused
     */
    record VisitItem(String visitId, String stationId, String cardNumber, String qrToken, String workerType,
            List<String> services, Instant visitedAt) {
    }

    /** Visits recorded offline, uploaded together. */
    record VisitBatch(@NotNull @Size(min = 1, max = 500) List<VisitItem> visits) {
    }

    /**
     * CREATED and counted; FLAGGED kept but counted apart (reason: the {@link VisitFlag}); DUPLICATE this very
     * visit was recorded before; CONFLICT its id is another visit's (another station, attendant or content): not
     * recorded, the phone must not resend it under that id; REJECTED not recorded (reason says why).
     */
    enum Outcome {
        CREATED, FLAGGED, DUPLICATE, CONFLICT, REJECTED
    }

    /**
     * @param reason for REJECTED: STATION_NOT_FOUND (unknown or not one of the caller's stations), STATION_NOT_ACTIVE,
     *               INVALID_VISIT_ID, MISSING_TIME, FUTURE_TIME, TOO_OLD, AMBIGUOUS_VISITOR, MISSING_WORKER_TYPE,
     *               UNKNOWN_WORKER_TYPE, UNKNOWN_SERVICE, INVALID_CARD, MEMBER_NOT_FOUND; for CONFLICT
     *               VISIT_ID_CONFLICT; for FLAGGED (and a DUPLICATE of a flagged visit) LATE or STATION_SUSPENDED
     */
    record VisitResult(String visitId, Outcome outcome, String reason, Verification verification) {

        static VisitResult rejected(String visitId, String reason) {
            return new VisitResult(visitId, Outcome.REJECTED, reason, null);
        }

        static VisitResult conflict(String visitId) {
            return new VisitResult(visitId, Outcome.CONFLICT, "VISIT_ID_CONFLICT", null);
        }
    }

    record BatchResult(int created, int flagged, int duplicates, int conflicts, int rejected,
            List<VisitResult> results) {

        static BatchResult of(List<VisitResult> results) {
            return new BatchResult(count(results, Outcome.CREATED), count(results, Outcome.FLAGGED),
                    count(results, Outcome.DUPLICATE), count(results, Outcome.CONFLICT),
                    count(results, Outcome.REJECTED), results);
        }

        private static int count(List<VisitResult> results, Outcome outcome) {
            return (int) results.stream().filter(result -> result.outcome() == outcome).count();
        }
    }
}

package org.unionplatform.benefits.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A benefit program. After its insert it is only ever changed by conditional single-document updates
 * ({@link ProgramLedger}), never by saving the whole object: budget and stock counters move under
 * concurrency and a whole-document save would overwrite them.
 * <p>
 * Money (fen): {@code budgetFen = availableFen + reservedFen + spentFen}. Items likewise with
 * {@code stockTotal = stockAvailable + stockReserved + stockIssued}. Either may be absent (null).
 */
@Document("programs")
public record Program(@Id String id, String name, String kind, String season, String description,
        String organizationId, String orgPath, LocalDate startsOn, LocalDate endsOn,
        Long amountPerGrantFen, Long perClaimCeilingFen, Integer itemsPerGrant, String itemName,
        MemberLimit memberLimit, EligibilityRules eligibility, int revokeWindowDays, ProgramStatus status,
        Long budgetFen, Long availableFen, Long reservedFen, Long spentFen,
        Long stockTotal, Long stockAvailable, Long stockReserved, Long stockIssued,
        List<Reservation> pending, List<String> returned,
        String createdBy, Instant createdAt, Instant openedAt, Instant closedAt) {

    public static final String WELCOME_PACK = "WELCOME_PACK";

    public Program {
        pending = pending == null ? List.of() : List.copyOf(pending);
        returned = returned == null ? List.of() : List.copyOf(returned);
        memberLimit = memberLimit == null ? MemberLimit.ONCE : memberLimit;
        eligibility = eligibility == null ? EligibilityRules.ACTIVE_MEMBERS : eligibility;
    }

    public boolean hasMoney() {
        return budgetFen != null;
    }

    public boolean hasStock() {
        return stockTotal != null;
    }

    public boolean covers(String memberOrgPath) {
        return memberOrgPath != null && memberOrgPath.startsWith(orgPath);
    }

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public long itemsForOneGrant() {
        return hasStock() ? (itemsPerGrant == null ? 1 : itemsPerGrant) : 0;
    }

    public Optional<Reservation> reservation(String ref) {
        return pending.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }
}

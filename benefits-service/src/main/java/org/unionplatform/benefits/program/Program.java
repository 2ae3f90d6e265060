package org.unionplatform.benefits.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;

/**
 * A benefit program. After its insert it is only ever changed by conditional single-document updates
 * ({@link ProgramLedger}), never by saving the whole object: budget and stock counters move under
 * concurrency and a whole-document save would overwrite them. So the program states its rules here
 * ({@code require...}: DRAFT -> OPEN -> CLOSED, issuing only while OPEN and within its period), and the ledger's
 * update repeats the status condition, which decides a race.
 * <p>
 * Money (fen): {@code budgetFen = availableFen + reservedFen + spentFen}. Items likewise with
 * {@code stockTotal = stockAvailable + stockReserved + stockIssued}. Either may be absent (null).
 */
@CompoundIndex(name = "kind_status", def = "{'kind': 1, 'status': 1}")
@CompoundIndex(name = "createdAt", def = "{'createdAt': 1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@CompoundIndex(name = "pending", def = "{'pending.kind': 1, 'pending.at': 1}")
@Document("programs")
public record Program(@Id String id, String name, String kind, String season, String description,
        String organizationId, String orgPath, LocalDate startsOn, LocalDate endsOn,
        Long amountPerGrantFen, Long perClaimCeilingFen, Integer itemsPerGrant, String itemName,
        MemberLimit memberLimit, EligibilityRules eligibility, int revokeWindowDays, ProgramStatus status,
        Long budgetFen, Long availableFen, Long reservedFen, Long spentFen,
        Long stockTotal, Long stockAvailable, Long stockReserved, Long stockIssued,
        List<Reservation> pending, List<String> returned,
        String createdBy, Instant createdAt, Instant openedAt, Instant closedAt, Audience audience) {

    public static final String WELCOME_PACK = "WELCOME_PACK";

    public Program {
        pending = pending == null ? List.of() : List.copyOf(pending);
        returned = returned == null ? List.of() : List.copyOf(returned);
        memberLimit = memberLimit == null ? MemberLimit.ONCE : memberLimit;
        eligibility = eligibility == null ? EligibilityRules.ACTIVE_MEMBERS : eligibility;
        // Programs stored before the audience existed served members.
        audience = audience == null ? Audience.MEMBERS : audience;
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

    /** Opening: only a program being prepared (DRAFT) opens; 409 {@code program-status} otherwise. */
    public void requireOpenable() {
        if (status != ProgramStatus.DRAFT) {
            throw statusConflict("Only a DRAFT program can be opened; this one is " + status + ".");
        }
    }

    /** Closing: only an OPEN program closes, for good; 409 {@code program-status} otherwise. */
    public void requireClosable() {
        if (status != ProgramStatus.OPEN) {
            throw statusConflict("Only an OPEN program can be closed; this one is " + status + ".");
        }
    }

    /** Restocking: 422 {@code stock} for a program without items, 409 {@code program-status} once closed. */
    public void requireRestockable() {
        if (!hasStock()) {
            throw new BusinessRuleViolationException("stock", "This program has no stock of items.");
        }
        if (status == ProgramStatus.CLOSED) {
            throw statusConflict("A closed program takes no more stock.");
        }
    }

    /** Grants and claims are taken only while the program is OPEN; 422 {@code program-open} otherwise. */
    public void requireOpen() {
        if (status != ProgramStatus.OPEN) {
            throw new BusinessRuleViolationException("program-open", "The program is " + status + ", not OPEN.");
        }
    }

    /** Grants are issued only within the program's period; 422 {@code program-period} otherwise. */
    public void requireRunningOn(LocalDate day) {
        if (!runsOn(day)) {
            throw new BusinessRuleViolationException("program-period",
                    "The program runs from " + startsOn + " to " + endsOn + ".");
        }
    }

    /** Issuing to a worker who is not a member: only a program open to all workers; 422 {@code program-audience}. */
    public void requireOpenToAllWorkers() {
        if (audience != Audience.ALL_WORKERS) {
            throw new BusinessRuleViolationException("program-audience",
                    "This program serves members only; issue it to a member.");
        }
    }

    /** Only insurance programs (a money budget and a per-claim ceiling) take claims; 422 {@code claims-accepted}. */
    public void requireTakesClaims() {
        if (perClaimCeilingFen == null || !hasMoney()) {
            throw new BusinessRuleViolationException("claims-accepted", "This program does not take claims.");
        }
    }

    /** The answer when a status change meets another status than expected. */
    public static ConflictException statusConflict(String detail) {
        return (ConflictException) new ConflictException(detail).with("reason", "program-status");
    }
}

package org.unionplatform.benefits.program;

import java.time.Instant;
import java.time.LocalDate;

/** A program as officers see it (the reservation bookkeeping stays inside). */
public record ProgramResponse(String id, String name, String kind, String season, String description,
        String organizationId, String orgPath, LocalDate startsOn, LocalDate endsOn, ProgramStatus status,
        Long amountPerGrantFen, Long perClaimCeilingFen, Integer itemsPerGrant, String itemName,
        MemberLimit memberLimit, EligibilityRules eligibility, int revokeWindowDays,
        Long budgetFen, Long availableFen, Long reservedFen, Long spentFen,
        Long stockTotal, Long stockAvailable, Long stockReserved, Long stockIssued,
        String createdBy, Instant createdAt, Instant openedAt, Instant closedAt, Audience audience) {

    public static ProgramResponse of(Program p) {
        return new ProgramResponse(p.id(), p.name(), p.kind(), p.season(), p.description(), p.organizationId(),
                p.orgPath(), p.startsOn(), p.endsOn(), p.status(), p.amountPerGrantFen(), p.perClaimCeilingFen(),
                p.itemsPerGrant(), p.itemName(), p.memberLimit(), p.eligibility(), p.revokeWindowDays(),
                p.budgetFen(), p.availableFen(), p.reservedFen(), p.spentFen(), p.stockTotal(), p.stockAvailable(),
                p.stockReserved(), p.stockIssued(), p.createdBy(), p.createdAt(), p.openedAt(), p.closedAt(),
                p.audience());
    }
}

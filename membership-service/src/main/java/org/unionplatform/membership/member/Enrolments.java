package org.unionplatform.membership.member;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;

/**
 * Makes a person a member of a union, or finds the membership they already have: one person is one member,
 * guaranteed by the unique index on the resident ID's keyed hash even when two approvals race. A person who
 * withdrew is admitted again under their member id and card number ({@link Member#rejoin}).
 */
@Component
public class Enrolments {

    private final MemberRepository members;
    private final CardNumbers cardNumbers;
    private final AuditTrail audit;
    private final Clock clock;

    Enrolments(MemberRepository members, CardNumbers cardNumbers, AuditTrail audit, Clock clock) {
        this.members = members;
        this.cardNumbers = cardNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param created          a new member record
     * @param rejoined         a withdrawn member admitted again
     * @param qrTokenShownOnce the member's new QR token (null when an existing membership is returned)
     */
    public record Enrolled(Member member, boolean created, boolean rejoined, String qrTokenShownOnce) {

        /** The person became a member by this call (new, or again). */
        public boolean admitted() {
            return created || rejoined;
        }
    }

    public Enrolled enrol(Worker worker, Union union, Channel channel, String source, String by) {
        var existing = members.findByWorkerResidentIdLookupHash(worker.residentIdHash());
        if (existing.isPresent() && existing.get().status() == MemberStatus.WITHDRAWN) {
            return rejoin(existing.get(), worker, union, "rejoined (" + channel + " " + source + ")", by);
        }
        if (existing.isPresent()) {
            return new Enrolled(existing.get(), false, false, null);
        }
        var now = clock.instant();
        String cardNumber = cardNumbers.reserve(worker.divisionCode(), now, 1).next();
        var qr = QrTokens.issue();
        Member member = Member.admit(UUID.randomUUID().toString(), worker, union, cardNumber, qr.hash(), channel,
                source, by, now);
        try {
            members.insert(member);
        } catch (DuplicateKeyException raced) {
            return new Enrolled(members.findByWorkerResidentIdLookupHash(worker.residentIdHash()).orElseThrow(() -> raced),
                    false, false, null);
        }
        audit.record("CARD_ISSUED", "member:" + member.id(), AuditOutcome.SUCCESS,
                Map.of("cardNumber", cardNumber, "organizationId", union.organizationId(), "channel", channel.name()));
        return new Enrolled(member, true, false, qr.token());
    }

    /**
     * Admits a withdrawn member again into {@code union} with {@code worker} as their details now; the card number
     * stays theirs and a new QR token is issued (the old one was theirs while they were a member).
     */
    public Enrolled rejoin(Member withdrawn, Worker worker, Union union, String reason, String by) {
        var qr = QrTokens.issue();
        withdrawn.rejoin(worker, union, qr.hash(), reason, by, clock.instant());
        Member saved = members.save(withdrawn);
        audit.record("MEMBER_REJOINED", "member:" + saved.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", union.organizationId()));
        return new Enrolled(saved, false, true, qr.token());
    }
}

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
 * guaranteed by the unique index on the resident ID's keyed hash even when two approvals race.
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
     * @param qrTokenShownOnce the new member's QR token (null when an existing membership is returned)
     */
    public record Enrolled(Member member, boolean created, String qrTokenShownOnce) {
    }

    public Enrolled enrol(Worker worker, Union union, Channel channel, String source, String by) {
        var existing = members.findByWorkerResidentIdLookupHash(worker.residentIdHash());
        if (existing.isPresent()) {
            return new Enrolled(existing.get(), false, null);
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
                    false, null);
        }
        audit.record("CARD_ISSUED", "member:" + member.id(), AuditOutcome.SUCCESS,
                Map.of("cardNumber", cardNumber, "organizationId", union.organizationId(), "channel", channel.name()));
        return new Enrolled(member, true, qr.token());
    }
}

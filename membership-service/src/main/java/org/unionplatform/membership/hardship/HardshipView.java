package org.unionplatform.membership.hardship;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.unionplatform.membership.member.HardshipFile;
import org.unionplatform.membership.member.Member;

/**
 * A member's hardship file as an officer of their subtree reads it. {@code status} is the status on
 * {@code today} (a registration past its review date reads LAPSED before the lapse round records it; NONE when
 * never registered); {@code daysToReview} is negative once the review date has passed.
 */
record HardshipView(String memberId, String name, String cardNumber, String organizationId, String organizationName,
        String status, String reason, String evidence, String checkedBy, LocalDate reviewOn, Long daysToReview,
        String registeredBy, Instant registeredAt, String whyNot, List<HardshipFile.Step> history) {

    static HardshipView of(Member member, LocalDate today) {
        var file = member.hardshipFile();
        if (file == null) {
            return new HardshipView(member.id(), member.worker().name(), member.cardNumber(), member.organizationId(),
                    member.organizationName(), "NONE", null, null, null, null, null, null, null, "未登记为困难职工",
                    List.of());
        }
        return new HardshipView(member.id(), member.worker().name(), member.cardNumber(), member.organizationId(),
                member.organizationName(), file.statusOn(today).name(), file.reason().name(), file.evidence(),
                file.checkedBy(), file.reviewOn(), ChronoUnit.DAYS.between(today, file.reviewOn()),
                file.registeredBy(), file.registeredAt(), file.whyNotOn(today), file.history());
    }

    /**
     * What the member sees of their own file: the status, reason and review date and when each step happened, not
     * the evidence notes nor who wrote them.
     */
    record Own(String status, String reason, LocalDate reviewOn, String whyNot, List<OwnStep> history) {

        record OwnStep(String action, LocalDate reviewOn, Instant at) {
        }

        static Own of(Member member, LocalDate today) {
            var file = member.hardshipFile();
            if (file == null) {
                return new Own("NONE", null, null, null, List.of());
            }
            return new Own(file.statusOn(today).name(), file.reason().name(), file.reviewOn(), file.whyNotOn(today),
                    file.history().stream().map(step -> new OwnStep(step.action(), step.reviewOn(), step.at()))
                            .toList());
        }
    }
}

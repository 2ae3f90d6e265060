package org.unionplatform.benefits.program;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.unionplatform.benefits.client.MemberEligibility;

/**
 * Who may receive from a program. Empty lists mean "any". Each rule has a name a refusal reports.
 *
 * @param statuses           member statuses accepted (default ACTIVE)
 * @param workerTypes        worker types accepted
 * @param genders            genders accepted (e.g. FEMALE for female workers' medical mutual aid)
 * @param minMembershipDays  days since joining, counted in Asia/Shanghai
 * @param hardshipRequired   only members flagged as in hardship
 */
public record EligibilityRules(List<String> statuses, List<String> workerTypes, List<String> genders,
        int minMembershipDays, boolean hardshipRequired) {

    public static final EligibilityRules ACTIVE_MEMBERS = new EligibilityRules(null, null, null, 0, false);

    public EligibilityRules {
        statuses = statuses == null || statuses.isEmpty() ? List.of("ACTIVE") : List.copyOf(statuses);
        workerTypes = workerTypes == null ? List.of() : List.copyOf(workerTypes);
        genders = genders == null ? List.of() : List.copyOf(genders);
    }

    /** The first rule the member fails, or empty when eligible. */
    public Optional<Failure> check(MemberEligibility member, LocalDate today) {
        if (!statuses.contains(member.status())) {
            return fail("member-status", "The member's status is " + member.status() + "; the program needs " + statuses + ".");
        }
        if (!workerTypes.isEmpty() && !workerTypes.contains(member.workerType())) {
            return fail("worker-type", "The program is for " + workerTypes + ".");
        }
        if (!genders.isEmpty() && !genders.contains(member.gender())) {
            return fail("gender", "The program is for " + genders + " members.");
        }
        if (minMembershipDays > 0) {
            long days = member.joinedOn() == null ? -1 : ChronoUnit.DAYS.between(member.joinedOn(), today);
            if (days < minMembershipDays) {
                return fail("membership-days", "The program needs at least " + minMembershipDays + " days of membership.");
            }
        }
        if (hardshipRequired && !member.isHardship()) {
            return fail("hardship", member.hardshipNote() != null ? member.hardshipNote()
                    : "The program is for members registered as in hardship.");
        }
        return Optional.empty();
    }

    /**
     * A worker who is not a member (a program open to all workers): only the worker type can be checked, the other
     * rules are about membership.
     */
    public Optional<Failure> checkWorkerType(String workerType) {
        if (!workerTypes.isEmpty() && !workerTypes.contains(workerType)) {
            return fail("worker-type", "The program is for " + workerTypes + ".");
        }
        return Optional.empty();
    }

    private static Optional<Failure> fail(String rule, String detail) {
        return Optional.of(new Failure(rule, detail));
    }

    /** A failed rule: its name and a sentence for people. */
    public record Failure(String rule, String detail) {
    }
}

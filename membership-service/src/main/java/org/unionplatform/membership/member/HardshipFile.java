package org.unionplatform.membership.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;

/**
 * A member's hardship file (困难职工建档), kept inside the member's document: the registration in force (reason,
 * evidence, who checked it, the review date) and every step since the first registration. A registration is in
 * force through its review date (Asia/Shanghai) and lapses the day after unless an officer reviewed it before;
 * each transition returns a new file and refuses a wrong state (409) or a review date that is not ahead (422).
 *
 * @param checkedBy who checked the evidence (a name as the officer writes it)
 * @param history   every step, oldest first, kept forever
 */
public record HardshipFile(Status status, HardshipReason reason, String evidence, String checkedBy,
        LocalDate reviewOn, String registeredBy, Instant registeredAt, List<Step> history) {

    /** A review date at most this far ahead: hardship is looked at again at least every two years. */
    static final int MAX_YEARS_AHEAD = 2;

    public enum Status {
        /** In force while today is on or before the review date. */
        REGISTERED,
        /** Not reviewed by the review date. */
        LAPSED,
        /** Reviewed and found no longer in hardship. */
        ENDED
    }

    /** One step of the file: REGISTERED, REVIEWED, CORRECTED, LAPSED or ENDED, with the review date it left in place. */
    public record Step(String action, HardshipReason reason, LocalDate reviewOn, String note, String by, Instant at) {
    }

    public HardshipFile {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A new registration; {@code previous} (may be null) must not be in force. A registration whose review date has
     * passed must be lapsed (by {@link #lapse}) before it is registered again, so its lapse is recorded.
     */
    static HardshipFile register(HardshipFile previous, HardshipReason reason, String evidence, String checkedBy,
            LocalDate reviewOn, String by, Instant now) {
        LocalDate today = today(now);
        if (previous != null && previous.status == Status.REGISTERED) {
            throw new ConflictException("The member is already registered as in hardship until " + previous.reviewOn
                    + "; review the registration instead.");
        }
        requireAhead(reviewOn, today);
        var history = previous == null ? new ArrayList<Step>() : new ArrayList<>(previous.history);
        history.add(new Step("REGISTERED", reason, reviewOn, evidence, by, now));
        return new HardshipFile(Status.REGISTERED, reason, evidence, checkedBy, reviewOn, by, now, history);
    }

    /** The registration stays in force until the new review date. */
    HardshipFile review(LocalDate newReviewOn, String note, String by, Instant now) {
        LocalDate today = today(now);
        requireInForce(today, "review");
        requireAhead(newReviewOn, today);
        return next(Status.REGISTERED, newReviewOn, new Step("REVIEWED", reason, newReviewOn, note, by, now));
    }

    /**
     * Corrects a mistyped review date of a registration not yet recorded as lapsed (e.g. the evidence was valid
     * only until an earlier day): any day within two years of today. A day already past makes the registration due
     * at once (the lapse round records it).
     */
    HardshipFile correctReviewDate(LocalDate corrected, String note, String by, Instant now) {
        if (status != Status.REGISTERED) {
            throw new ConflictException("Only a registration in the register has its review date corrected; it is "
                    + status + ".");
        }
        LocalDate today = today(now);
        if (corrected.isBefore(today.minusYears(MAX_YEARS_AHEAD))
                || corrected.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new BusinessRuleViolationException("review-date", "A corrected review date lies within "
                    + MAX_YEARS_AHEAD + " years of today (" + today + ").");
        }
        return next(Status.REGISTERED, corrected, new Step("CORRECTED", reason, corrected, note, by, now));
    }

    /** Reviewed and no longer in hardship. */
    HardshipFile end(String note, String by, Instant now) {
        requireInForce(today(now), "end");
        return next(Status.ENDED, reviewOn, new Step("ENDED", reason, reviewOn, note, by, now));
    }

    /** Not reviewed by its review date: only a registration past its date lapses. */
    HardshipFile lapse(Instant now) {
        if (!dueOn(today(now))) {
            throw new ConflictException("The hardship registration is not past its review date.");
        }
        return next(Status.LAPSED, reviewOn, new Step("LAPSED", reason, reviewOn, "复核日期前未复核", "system", now));
    }

    /** In force on that day (Asia/Shanghai): registered and the review date not yet passed. */
    public boolean inForceOn(LocalDate today) {
        return status == Status.REGISTERED && !today.isAfter(reviewOn);
    }

    /** Registered but past its review date: the lapse round will record the lapse. */
    public boolean dueOn(LocalDate today) {
        return status == Status.REGISTERED && today.isAfter(reviewOn);
    }

    /** What the member's status is on that day: REGISTERED, LAPSED (also when past due but not yet swept) or ENDED. */
    public Status statusOn(LocalDate today) {
        return dueOn(today) ? Status.LAPSED : status;
    }

    /** Why the member does not count as in hardship on that day, in Chinese for the officer; null when they do. */
    public String whyNotOn(LocalDate today) {
        return switch (statusOn(today)) {
            case REGISTERED -> null;
            case LAPSED -> "困难职工建档已失效：复核日期 " + reviewOn + " 前未复核，需重新建档";
            case ENDED -> "困难职工建档已在复核后终止";
        };
    }

    private HardshipFile next(Status newStatus, LocalDate newReviewOn, Step step) {
        var steps = new ArrayList<>(history);
        steps.add(step);
        return new HardshipFile(newStatus, reason, evidence, checkedBy, newReviewOn, registeredBy, registeredAt, steps);
    }

    private void requireInForce(LocalDate today, String action) {
        if (!inForceOn(today)) {
            throw new ConflictException("Cannot " + action + " the hardship registration: it is "
                    + statusOn(today) + (dueOn(today) ? " (past its review date " + reviewOn + ")" : "") + ".");
        }
    }

    private static void requireAhead(LocalDate reviewOn, LocalDate today) {
        if (!reviewOn.isAfter(today) || reviewOn.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new BusinessRuleViolationException("review-date", "The review date must be after today ("
                    + today + ") and at most " + MAX_YEARS_AHEAD + " years ahead.");
        }
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ChinaTime.ZONE);
    }
}

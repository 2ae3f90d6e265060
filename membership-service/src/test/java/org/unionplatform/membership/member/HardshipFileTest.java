package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.TestWorkers;
import org.unionplatform.membership.events.HardshipLapsed;
import org.unionplatform.membership.events.HardshipRegistered;

/** The hardship register's rules, on the member aggregate that keeps the file. */
class HardshipFileTest {

    /** 2026-03-01 17:00 UTC is 2026-03-02 01:00 in Asia/Shanghai: "today" is the China day. */
    private static final Instant NOW = Instant.parse("2026-03-01T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Union COURIERS = new Union("xianyang-courier-federation", "咸阳市快递行业工会联合会",
            "/shaanxi/xianyang/xianyang-courier-federation/");

    private static Member member() {
        Member member = Member.admit("m-1", TestWorkers.worker("hash-1"), COURIERS, "6104002600000013", null,
                Channel.APPLICATION, "a-1", "organizer", NOW.minusSeconds(86_400 * 100));
        return member;
    }

    /** The events registered after the first {@code skip} (admission, registration...). */
    private static List<DomainEvent> after(Member member, int skip) {
        var all = member.registeredEvents();
        return all.subList(skip, all.size());
    }

    private static Member registered(LocalDate reviewOn) {
        Member member = member();
        member.registerHardship(HardshipReason.INJURY, "派送途中摔伤", "王芳", reviewOn, "officer", NOW);
        return member;
    }

    @Test
    void aRegistrationHoldsThroughItsReviewDayAndIsAnnounced() {
        Member member = registered(TODAY.plusDays(90));

        assertThat(member.inHardshipOn(TODAY)).isTrue();
        assertThat(member.inHardshipOn(TODAY.plusDays(90))).isTrue();
        assertThat(member.inHardshipOn(TODAY.plusDays(91))).isFalse();
        assertThat(member.hardshipFile().whyNotOn(TODAY.plusDays(91))).contains("复核日期 2026-05-31 前未复核");
        assertThat(after(member, 1)).containsExactly(new HardshipRegistered("m-1",
                "xianyang-courier-federation", COURIERS.orgPath(), "INJURY", TODAY.plusDays(90), NOW));
    }

    @Test
    void theReviewDateMustBeAheadAndWithinTwoYears() {
        assertThatThrownBy(() -> registered(TODAY)).isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> registered(TODAY.plusYears(2).plusDays(1)))
                .isInstanceOf(BusinessRuleViolationException.class);
        assertThat(registered(TODAY.plusYears(2)).inHardshipOn(TODAY)).isTrue();
    }

    @Test
    void aRegistrationInForceIsNotRegisteredTwiceAndOnlyAnActiveMemberIsRegistered() {
        Member member = registered(TODAY.plusDays(30));
        assertThatThrownBy(() -> member.registerHardship(HardshipReason.FAMILY, "again", "王芳", TODAY.plusDays(60),
                "officer", NOW)).isInstanceOf(ConflictException.class);

        Member suspended = member();
        suspended.suspend("欠缴会费", "organizer", NOW);
        assertThatThrownBy(() -> suspended.registerHardship(HardshipReason.FAMILY, "家庭困难", "王芳",
                TODAY.plusDays(60), "officer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReviewMovesTheReviewDateAndKeepsTheHistory() {
        Member member = registered(TODAY.plusDays(30));
        int before = member.registeredEvents().size();

        member.reviewHardship(TODAY.plusDays(200), "仍在康复期", "officer", NOW.plusSeconds(86_400 * 20));

        assertThat(member.hardshipFile().reviewOn()).isEqualTo(TODAY.plusDays(200));
        assertThat(member.hardshipFile().history()).extracting(HardshipFile.Step::action)
                .containsExactly("REGISTERED", "REVIEWED");
        assertThat(after(member, before)).isEmpty();
    }

    @Test
    void anUnreviewedRegistrationLapsesOnceAndCannotBeReviewedAfterItsDate() {
        Member member = registered(TODAY.plusDays(30));
        int before = member.registeredEvents().size();
        Instant afterReviewDay = NOW.plusSeconds(86_400L * 31);

        assertThat(member.lapseHardshipIfDue(NOW.plusSeconds(86_400L * 30))).isFalse();
        assertThatThrownBy(() -> member.reviewHardship(TODAY.plusDays(100), "late", "officer", afterReviewDay))
                .isInstanceOf(ConflictException.class);
        assertThat(member.lapseHardshipIfDue(afterReviewDay)).isTrue();
        assertThat(member.lapseHardshipIfDue(afterReviewDay)).isFalse();

        assertThat(member.hardshipFile().status()).isEqualTo(HardshipFile.Status.LAPSED);
        assertThat(after(member, before)).containsExactly(new HardshipLapsed("m-1", "xianyang-courier-federation",
                COURIERS.orgPath(), TODAY.plusDays(30), "REVIEW_DUE", afterReviewDay));
    }

    @Test
    void registeringAgainAfterTheDateRecordsTheLapseFirst() {
        Member member = registered(TODAY.plusDays(30));
        int before = member.registeredEvents().size();
        Instant later = NOW.plusSeconds(86_400L * 40);

        member.registerHardship(HardshipReason.ILLNESS, "复查确诊慢性病", "王芳", TODAY.plusDays(200), "officer", later);

        assertThat(after(member, before)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("HardshipLapsed", "HardshipRegistered");
        assertThat(member.hardshipFile().history()).extracting(HardshipFile.Step::action)
                .containsExactly("REGISTERED", "LAPSED", "REGISTERED");
        assertThat(member.hardshipFile().reason()).isEqualTo(HardshipReason.ILLNESS);
    }

    @Test
    void aCorrectedReviewDateInThePastMakesTheRegistrationDueAtOnce() {
        Member member = registered(TODAY.plusDays(30));

        assertThatThrownBy(() -> member.correctHardshipReviewDate(TODAY.minusYears(3), "typo", "officer", NOW))
                .isInstanceOf(BusinessRuleViolationException.class);
        Instant later = NOW.plusSeconds(86_400L * 5);
        member.correctHardshipReviewDate(TODAY.plusDays(2), "证明有效期只到这天", "officer", later);

        assertThat(member.inHardshipOn(TODAY.plusDays(5))).isFalse();
        assertThat(member.hardshipFile().dueOn(TODAY.plusDays(5))).isTrue();
        assertThat(member.lapseHardshipIfDue(later)).isTrue();
        assertThat(member.hardshipFile().history()).extracting(HardshipFile.Step::action)
                .containsExactly("REGISTERED", "CORRECTED", "LAPSED");
        assertThatThrownBy(() -> member.correctHardshipReviewDate(TODAY.plusDays(90), "again", "officer", later))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anEndedRegistrationNoLongerCountsAndSaysWhy() {
        Member member = registered(TODAY.plusDays(30));
        int before = member.registeredEvents().size();

        member.endHardship("已康复返岗", "officer", NOW);

        assertThat(member.inHardshipOn(TODAY)).isFalse();
        assertThat(member.hardshipFile().whyNotOn(TODAY)).isEqualTo("困难职工建档已在复核后终止");
        assertThat(after(member, before)).containsExactly(new HardshipLapsed("m-1", "xianyang-courier-federation",
                COURIERS.orgPath(), TODAY.plusDays(30), "ENDED", NOW));
        assertThatThrownBy(() -> member.endHardship("again", "officer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMemberNeverRegisteredHasNoFileAndNothingToReview() {
        Member member = member();

        assertThat(member.inHardshipOn(TODAY)).isFalse();
        assertThatThrownBy(() -> member.reviewHardship(TODAY.plusDays(30), "n", "officer", NOW))
                .isInstanceOf(ConflictException.class);
    }
}

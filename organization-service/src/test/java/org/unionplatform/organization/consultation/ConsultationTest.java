package org.unionplatform.organization.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

class ConsultationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final Consultation.Leading BEILIN = new Consultation.Leading("xian-beilin", "碑林区总工会",
            "/shaanxi/xian/xian-beilin/");
    private static final Consultation.Counterpart PLATFORM = new Consultation.Counterpart("c-1", "某外卖平台", "饿了么");

    private static Consultation round(LocalDate opinionsUntil) {
        return Consultation.plan("r-1", "骑手派单规则协商", BEILIN, PLATFORM, Set.of(Topic.ALGORITHMS, Topic.REST),
                List.of(), TODAY.plusDays(7), opinionsUntil, TODAY, "organizer", NOW);
    }

    @Test
    void opinionsAreTakenFromTodayUntilTheMeetingDayAtTheLatest() {
        assertThatThrownBy(() -> round(TODAY.minusDays(1))).isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> round(TODAY.plusDays(8))).isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> Consultation.plan("r-2", "t", BEILIN, PLATFORM, Set.of(), List.of(),
                TODAY.plusDays(7), TODAY, TODAY, "organizer", NOW)).isInstanceOf(BusinessRuleViolationException.class);

        Consultation round = round(TODAY.plusDays(3));
        assertThat(round.takesOpinionsOn(TODAY.plusDays(3))).isTrue();
        assertThat(round.takesOpinionsOn(TODAY.plusDays(4))).isFalse();
    }

    @Test
    void anOpinionMustBeOnATopicOfTheRoundWhileItTakesThem() {
        Consultation round = round(TODAY.plusDays(3));

        round.requireOpinionOn(Topic.REST, TODAY);
        assertThatThrownBy(() -> round.requireOpinionOn(Topic.PAY, TODAY))
                .isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> round.requireOpinionOn(Topic.REST, TODAY.plusDays(4)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theOutcomeIsRecordedOnceNotForAFutureDayAndClosesTheOpinions() {
        Consultation round = round(TODAY.plusDays(3));
        var item = new Consultation.FollowUp("f-1", "平台发布新规则", TODAY.plusDays(30), false, null, null, null);

        assertThatThrownBy(() -> round.recordOutcome(TODAY.plusDays(1), Consultation.OutcomeKind.AGREEMENT, "s",
                List.of(item), TODAY, "organizer", NOW)).isInstanceOf(BusinessRuleViolationException.class);
        round.recordOutcome(TODAY, Consultation.OutcomeKind.AGREEMENT, "达成协议", List.of(item), TODAY, "organizer", NOW);

        assertThat(round.status()).isEqualTo(Consultation.Status.HELD);
        assertThat(round.takesOpinionsOn(TODAY)).isFalse();
        assertThatThrownBy(() -> round.recordOutcome(TODAY, Consultation.OutcomeKind.NO_AGREEMENT, "again",
                List.of(), TODAY, "organizer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aFollowUpItemIsMarkedDoneOnce() {
        Consultation round = round(TODAY.plusDays(3));
        round.recordOutcome(TODAY, Consultation.OutcomeKind.AGREEMENT, "达成协议", List.of(new Consultation.FollowUp(
                "f-1", "平台发布新规则", TODAY.plusDays(30), false, null, null, null)), TODAY, "organizer", NOW);

        round.markDone("f-1", "已上线", TODAY.plusDays(10), "organizer");

        assertThat(round.followUps().getFirst().done()).isTrue();
        assertThat(round.followUps().getFirst().doneOn()).isEqualTo(TODAY.plusDays(10));
        assertThatThrownBy(() -> round.markDone("f-1", null, TODAY, "organizer")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> round.markDone("f-9", null, TODAY, "organizer"))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}

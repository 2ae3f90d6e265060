package org.unionplatform.membership.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.HelpCaseClosed;
import org.unionplatform.membership.events.HelpCaseOpened;
import org.unionplatform.membership.member.Union;

class HelpCaseTest {

    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    private static final Duration DAYS_3 = Duration.ofDays(3);
    private static final Union UNION = new Union("beilin-riders", "碑林区骑手联合工会", "/shaanxi/xian/xian-beilin/beilin-riders/");
    private static final Union FEDERATION = new Union("xian-beilin", "碑林区总工会", "/shaanxi/xian/xian-beilin/");

    private static HelpCase filed() {
        return HelpCase.file("WQ0000000001", new HelpCase.Account(CaseKind.UNPAID_PAY, "某配送站", "美团",
                "DELIVERY_RIDER", "610103", "十月工资未发"), new HelpCase.Contact("李师傅",
                new ProtectedMobilePhone("x", "h", "139****5678"), "晚上七点后"), null, "h", UNION, "所在街道", T0,
                DAYS_3);
    }

    @Test
    void filingStartsTheFirstDeadlineAndAnnouncesTheCase() {
        HelpCase c = filed();
        assertThat(c.status()).isEqualTo(CaseStatus.FILED);
        assertThat(c.dueAt()).isEqualTo(T0.plus(DAYS_3));
        assertThat(c.registeredEvents()).singleElement().isInstanceOf(HelpCaseOpened.class);
    }

    @Test
    void stepsGoInTheirOrderOnly() {
        HelpCase c = filed();
        assertThatThrownBy(() -> c.investigate("h", null, T0, DAYS_3)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.mediate("h", null, T0, DAYS_3)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.close(CaseOutcome.RESOLVED, 0, "x", "h", T0)).isInstanceOf(ConflictException.class);
        c.accept("h", T0, DAYS_3);
        assertThatThrownBy(() -> c.accept("h", T0, DAYS_3)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.recordMeeting("m", T0, "站点", "x", "h", T0)).isInstanceOf(ConflictException.class);
        c.investigate("h", "调取派单记录", T0, DAYS_3);
        c.mediate("h", null, T0, DAYS_3);
        assertThat(c.steps()).extracting(HelpCase.Step::what)
                .containsExactly("FILED", "ACCEPTED", "INVESTIGATING", "MEDIATION");
    }

    @Test
    void aResolutionInMediationNeedsAMeetingAndAMeetingThatHappened() {
        HelpCase c = filed();
        c.accept("h", T0, DAYS_3);
        c.investigate("h", null, T0, DAYS_3);
        c.mediate("h", null, T0, DAYS_3);
        assertThatThrownBy(() -> c.close(CaseOutcome.RESOLVED, 100, "x", "h", T0))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessageContaining("meeting");
        assertThatThrownBy(() -> c.recordMeeting("m", T0.plusSeconds(3600), "站点", "x", "h", T0))
                .isInstanceOf(BusinessRuleViolationException.class);
        c.recordMeeting("m", T0, "某配送站", "同意补发工资", "h", T0);
        c.close(CaseOutcome.RESOLVED, 320000, "已补发", "h", T0.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.resolvedWithinDeadline()).isTrue();
        assertThat(c.registeredEvents()).last().isInstanceOfSatisfying(HelpCaseClosed.class, closed -> {
            assertThat(closed.amountRecoveredFen()).isEqualTo(320000);
            assertThat(closed.resolvedWithinDeadline()).isTrue();
        });
        assertThatThrownBy(() -> c.addInformation("补充", T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOverdueStepEscalatesOnceAndTheResolutionIsNoLongerInTime() {
        HelpCase c = filed();
        assertThat(c.escalateIfOverdue(FEDERATION, T0.plus(DAYS_3).minusSeconds(1))).isFalse();
        assertThat(c.escalateIfOverdue(FEDERATION, T0.plus(DAYS_3))).isTrue();
        assertThat(c.escalateIfOverdue(FEDERATION, T0.plus(DAYS_3).plusSeconds(5))).isFalse();
        assertThat(c.escalatedToOrgPath()).isEqualTo(FEDERATION.orgPath());
        c.accept("h", T0.plus(DAYS_3), DAYS_3);
        assertThat(c.escalatedAt()).isNull();
        c.investigate("h", null, T0.plus(DAYS_3), DAYS_3);
        c.close(CaseOutcome.RESOLVED, 0, "平台撤销罚款", "h", T0.plus(DAYS_3));
        assertThat(c.resolvedWithinDeadline()).isFalse();
        assertThat(c.escalations()).isEqualTo(1);
    }

    @Test
    void aWithdrawalRecoversNothingAndAReferralHappensOnce() {
        HelpCase c = filed();
        c.referToLegalAid(FEDERATION, "需要法律援助", "h", T0);
        assertThatThrownBy(() -> c.referToLegalAid(FEDERATION, "again", "h", T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.close(CaseOutcome.WITHDRAWN, 5, "x", "h", T0))
                .isInstanceOf(BusinessRuleViolationException.class);
        c.withdraw("已自行解决", T0);
        assertThat(c.outcome()).isEqualTo(CaseOutcome.WITHDRAWN);
        assertThat(c.resolvedWithinDeadline()).isFalse();
    }

    @Test
    void filesAreToldByTheirBytes() {
        assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(FileTypes.detect("%PDF-1.7".getBytes())).contains("application/pdf");
        assertThat(FileTypes.detect("RIFF0000WEBPVP8 ".getBytes())).contains("image/webp");
        assertThat(FileTypes.detect("<script>alert(1)</script>".getBytes())).isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
    }
}

package org.unionplatform.organization.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.organization.Problems.assertRefused;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.unionplatform.organization.events.EnterpriseStatusChanged;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.TreeFixtures;

/** The union-building pipeline of a company, on the aggregate alone. */
class CompanyTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
    private static final String CREDIT_CODE = "91610103MA6U123456";

    private final Organization beilin = TreeFixtures.beilin();

    private Company register(String creditCode, CompanyType type, String division) {
        return Company.register("c1", creditCode, "美团外卖碑林站", type, "美团", null, division, beilin,
                Map.of("DELIVERY_RIDER", 40), true, "surveyor", AT);
    }

    @Test
    void aRegisteredCompanyIsSurveyedUnderItsOrganisation() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");

        assertThat(company.status()).isEqualTo(CompanyStatus.SURVEYED);
        assertThat(company.orgPath()).isEqualTo(beilin.path());
        assertThat(company.statusHistory()).extracting(Company.StatusChange::status)
                .containsExactly(CompanyStatus.SURVEYED);
        assertThat(company.totalHeadcount()).isEqualTo(40);
        assertThat(company.registeredEvents()).isEmpty();
    }

    @Test
    void onlyAnOutletMayLackACreditCode() {
        assertRefused(() -> register(null, CompanyType.PARTNER, "610103"),
                HttpStatus.UNPROCESSABLE_CONTENT, "credit-code-required");
        assertThat(register(null, CompanyType.OUTLET, "610103").creditCode()).isNull();
    }

    @Test
    void itsDivisionLiesWithinItsOrganisations() {
        assertRefused(() -> register(CREDIT_CODE, CompanyType.PARTNER, "610802"),
                HttpStatus.UNPROCESSABLE_CONTENT, "division-within-organization");
    }

    @Test
    void itMovesOneStepAtATimeAndAnnouncesEachStep() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");

        company.advance(CompanyStatus.GUIDED, null, "organizer", "走访", AT.plusSeconds(60));
        company.advance(CompanyStatus.PREPARING, null, "organizer", null, AT.plusSeconds(120));
        company.advance(CompanyStatus.ESTABLISHED, "union-1", "organizer", null, AT.plusSeconds(180));

        assertThat(company.status()).isEqualTo(CompanyStatus.ESTABLISHED);
        assertThat(company.coveringOrganizationId()).isEqualTo("union-1");
        assertThat(company.statusHistory()).extracting(Company.StatusChange::status).containsExactly(
                CompanyStatus.SURVEYED, CompanyStatus.GUIDED, CompanyStatus.PREPARING, CompanyStatus.ESTABLISHED);
        assertThat(company.registeredEvents()).containsExactly(
                new EnterpriseStatusChanged("c1", CREDIT_CODE, "美团外卖碑林站", "GUIDED", null, AT.plusSeconds(60)),
                new EnterpriseStatusChanged("c1", CREDIT_CODE, "美团外卖碑林站", "PREPARING", null,
                        AT.plusSeconds(120)),
                new EnterpriseStatusChanged("c1", CREDIT_CODE, "美团外卖碑林站", "ESTABLISHED", "union-1",
                        AT.plusSeconds(180)));
    }

    @Test
    void skippingOrGoingBackIsRefused() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");

        assertRefused(() -> company.advance(CompanyStatus.PREPARING, null, "organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "status-order");
        assertRefused(() -> company.advance(CompanyStatus.SURVEYED, null, "organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "status-order");
        assertThat(company.status()).isEqualTo(CompanyStatus.SURVEYED);
        assertThat(company.registeredEvents()).isEmpty();
    }

    @Test
    void establishedNeedsTheCoveringUnion() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");
        company.advance(CompanyStatus.GUIDED, null, "organizer", null, AT);
        company.advance(CompanyStatus.PREPARING, null, "organizer", null, AT);

        assertRefused(() -> company.advance(CompanyStatus.ESTABLISHED, null, "organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "established-needs-union");
        assertThat(company.status()).isEqualTo(CompanyStatus.PREPARING);
    }

    @Test
    void aFoundedUnionEstablishesTheCompanyFromAnyStep() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");

        company.unionFounded("union-1", "碑林美团联合工会", "organizer", AT);

        assertThat(company.status()).isEqualTo(CompanyStatus.ESTABLISHED);
        assertThat(company.coveringOrganizationId()).isEqualTo("union-1");
        assertThat(company.statusHistory().getLast().note()).isEqualTo("工会成立：碑林美团联合工会");
        assertThat(company.registeredEvents()).hasSize(1);
    }

    @Test
    void anEstablishedCompanyOnlyChangesItsCoveringUnion() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");
        company.unionFounded("union-1", "一", "organizer", AT);

        company.unionFounded("union-2", "二", "organizer", AT.plusSeconds(60));

        assertThat(company.coveringOrganizationId()).isEqualTo("union-2");
        assertThat(company.statusHistory()).hasSize(2);
        assertThat(company.registeredEvents()).hasSize(1);
    }

    @Test
    void followUpsKeepTheLatestFifty() {
        Company company = register(CREDIT_CODE, CompanyType.PARTNER, "610103");
        for (int i = 0; i < 55; i++) {
            company.followUp("organizer", "第" + i + "次", AT.plusSeconds(i));
        }
        assertThat(company.followUps()).hasSize(50);
        assertThat(company.followUps().getFirst().note()).isEqualTo("第5次");
        assertThat(company.lastFollowUpAt()).isEqualTo(AT.plusSeconds(54));
    }
}

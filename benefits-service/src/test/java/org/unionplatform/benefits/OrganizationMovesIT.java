package org.unionplatform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;

/** organization.moved, published on the test exchange: programs and grants follow their subtree to its new place. */
class OrganizationMovesIT extends BenefitsIT {

    @Test
    void aMovedSubtreeTakesItsProgramsAndGrantsWithIt() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 迁移", 100_000L, 10_000L));
        String memberId = "mv-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String grantId = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId))
                .json().get("id").asString();
        String newDistrictPath = "/shaanxi/xianyang/" + org.districtId() + "/";
        String movedOfficer = TestTokens.benefitOfficer(newDistrictPath);

        publishMoved(org.districtPath(), newDistrictPath);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/benefits/grants/" + grantId, movedOfficer).status() == 200);
        assertThat(get("/api/benefits/programs/" + programId, movedOfficer).status()).isEqualTo(200);
        assertThat(get("/api/benefits/programs/" + programId, officer).status()).isEqualTo(404);
        assertThat(get("/api/benefits/grants/" + grantId, officer).status()).isEqualTo(404);
    }

    private void publishMoved(String oldPath, String newPath) {
        String organizationId = oldPath.substring(oldPath.lastIndexOf('/', oldPath.length() - 2) + 1,
                oldPath.length() - 1);
        publish("organization.moved", "organization-service", UUID.randomUUID(), Instant.now(),
                Map.of("organizationId", organizationId, "oldPath", oldPath, "newPath", newPath));
    }
}

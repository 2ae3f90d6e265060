package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

/** Each service's append-only audit log is readable by ADMIN through the gateway, and by nobody else. */
class AuditLogJourneyIT {

    private static final Map<String, String> AUDIT_PATHS = Map.of(
            "organization-service", "/api/auth/audit",
            "membership-service", "/api/members/audit",
            "station-service", "/api/stations/audit",
            "benefits-service", "/api/benefits/audit");

    private final PlatformUnderTest platform = PlatformUnderTest.get();
    private final HttpTestClient gateway = HttpTestClient.at(platform.gateway());

    @Test
    void administratorsReadEveryServicesAuditLogAndOthersAreRefused() {
        String admin = gateway.signIn("admin", platform.adminPassword());
        String username = "audit-reader-" + System.nanoTime();
        HttpAnswer created = gateway.post("/api/auth/accounts", admin, "{\"username\":\"" + username
                + "\",\"password\":\"audit-reader-password\",\"roles\":[\"ORGANIZER\"],\"orgId\":\"nowhere\","
                + "\"orgPath\":\"/nowhere/\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String organizer = gateway.signIn(username, "audit-reader-password");

        AUDIT_PATHS.forEach((service, path) -> {
            HttpAnswer forAdmin = gateway.get(path + "?size=5", admin);
            assertThat(forAdmin.status()).as(service).isEqualTo(200);
            assertThat(forAdmin.json().get("items").isArray()).as(service).isTrue();
            HttpAnswer forOrganizer = gateway.get(path, organizer);
            assertThat(forOrganizer.status()).as(service).isEqualTo(403);
            assertThat(forOrganizer.isProblem()).isTrue();
            assertThat(gateway.send("DELETE", path, admin, null).status()).as("no delete path").isIn(404, 405);
        });
        HttpAnswer signIns = gateway.get("/api/auth/audit?action=LOGIN_SUCCEEDED&size=200", admin);
        assertThat(signIns.body()).contains(username);
    }
}

package org.unionplatform.organization.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;
import org.unionplatform.testsupport.http.HttpTestClient;

/**
 * The organization-service as the platform's token issuer, over HTTP: every token in these tests is minted by the
 * service itself and validated against its own JWKS. One configuration, so the issuer's test classes share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.security.test-issuer.enabled=false",
        "platform.auth.bcrypt-strength=4",
        "platform.auth.bootstrap-admin.username=Root",
        "platform.auth.bootstrap-admin.password=" + TokenIssuerIT.ADMIN_PASSWORD,
        "platform.auth.service-clients.membership-service=" + TokenIssuerIT.SERVICE_SECRET,
        "platform.auth.service-clients.station-service=" + TokenIssuerIT.SERVICE_SECRET})
abstract class TokenIssuerIT {

    static final String ADMIN_PASSWORD = "bootstrap-password-1";
    static final String SERVICE_SECRET = "service-secret-for-tests";

    /** A throw-away key per run; MongoDB and the broker come from test-support. */
    @DynamicPropertySource
    static void keyEncryptionKey(DynamicPropertyRegistry registry) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        registry.add("platform.auth.key-encryption-key", () -> Base64.getEncoder().encodeToString(key));
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    HttpTestClient http() {
        return HttpTestClient.local(port);
    }
}

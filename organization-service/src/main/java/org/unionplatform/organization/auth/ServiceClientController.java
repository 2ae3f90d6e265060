package org.unionplatform.organization.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 4.4), form-encoded as any OIDC provider takes it, so the
 * services' {@code ServiceTokens} work the same against this issuer and against Keycloak. Only platform
 * services named in {@code platform.auth.service-clients} get a token, and it carries only the SERVICE role.
 */
@RestController
@RequestMapping("/api/auth/oauth")
class ServiceClientController {

    private final AuthProperties properties;
    private final AccessTokens accessTokens;
    private final AuditTrail audit;

    ServiceClientController(AuthProperties properties, AccessTokens accessTokens, AuditTrail audit) {
        this.properties = properties;
        this.accessTokens = accessTokens;
        this.audit = audit;
    }

    record ServiceTokenResponse(String access_token, String token_type, long expires_in) {
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<ServiceTokenResponse> token(@RequestParam("grant_type") String grantType,
            @RequestParam("client_id") String clientId, @RequestParam("client_secret") String clientSecret) {
        String expected = properties.serviceClients().get(clientId);
        boolean granted = "client_credentials".equals(grantType) && expected != null && !expected.isBlank()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        clientSecret.getBytes(StandardCharsets.UTF_8));
        if (!granted) {
            audit.record(clientId, "SERVICE_TOKEN_REFUSED", "client:" + clientId, AuditOutcome.DENIED, Map.of());
            throw new SignInRefusedException();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ServiceTokenResponse(
                accessTokens.issueForService(clientId), "Bearer", accessTokens.ttl().toSeconds()));
    }
}

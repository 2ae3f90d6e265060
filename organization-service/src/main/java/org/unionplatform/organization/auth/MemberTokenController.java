package org.unionplatform.organization.auth;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.Caller;

/**
 * Member tokens. Members sign in at membership-service (card number and one-time code), but only this
 * service holds the signing keys, so membership-service asks here with its own service token once it has
 * verified the code. No other caller may: a SERVICE token of any other platform service is refused, because
 * minting a token for any member id is exactly the power a compromised neighbour must not have.
 */
@RestController
class MemberTokenController {

    /** The only client allowed to ask: the service that verifies members' one-time codes. */
    static final String SIGN_IN_SERVICE = "membership-service";

    private final AccessTokens accessTokens;
    private final AuditTrail audit;

    MemberTokenController(AccessTokens accessTokens, AuditTrail audit) {
        this.accessTokens = accessTokens;
        this.audit = audit;
    }

    record MemberTokenRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String memberId,
            @Size(max = 64) String name) {
    }

    record MemberTokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/api/auth/member-token")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<MemberTokenResponse> issue(@Valid @RequestBody MemberTokenRequest request, Caller caller) {
        String target = AccessTokens.MEMBER_SUBJECT_PREFIX + request.memberId();
        if (!SIGN_IN_SERVICE.equals(caller.subject())) {
            audit.record(caller.subject(), "MEMBER_TOKEN_REFUSED", target, AuditOutcome.DENIED, Map.of());
            throw new AccessDeniedException("Only " + SIGN_IN_SERVICE + " may ask for member tokens");
        }
        String token = accessTokens.issueForMember(request.memberId(), request.name());
        audit.record(caller.subject(), "MEMBER_TOKEN_ISSUED", target, AuditOutcome.SUCCESS, Map.of());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(new MemberTokenResponse(token, "Bearer", accessTokens.ttl().toSeconds()));
    }
}

package org.unionplatform.organization.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.unionplatform.common.security.PlatformSecurityProperties;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.security.TokenClaims;

/** Mints the short-lived RS256 access tokens, with the claims every service reads (docs/security.md). */
class AccessTokens {

    static final String MEMBER_SUBJECT_PREFIX = "member:";

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    AccessTokens(SigningKeys keys, Clock clock, PlatformSecurityProperties security, AuthProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = security.issuer();
        this.audience = security.audience();
        this.ttl = properties.accessTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    String issue(StaffAccount account) {
        JWTClaimsSet.Builder claims = base(account.id())
                .claim(TokenClaims.NAME, account.username())
                .claim(TokenClaims.ROLES, account.roles().stream().map(Role::name).sorted().toList());
        if (account.orgPath() != null) {
            claims.claim(TokenClaims.ORG, account.orgId()).claim(TokenClaims.ORG_PATH, account.orgPath());
        }
        if (!account.stations().isEmpty()) {
            claims.claim(TokenClaims.STATIONS, account.stations().stream().sorted().toList());
        }
        return sign(claims);
    }

    /** A token for another platform service calling on its own behalf: the SERVICE role and nothing else. */
    String issueForService(String applicationName) {
        return sign(base(applicationName).claim(TokenClaims.NAME, applicationName)
                .claim(TokenClaims.ROLES, java.util.List.of(Role.SERVICE.name())));
    }

    /**
     * A token for a member who signed in at membership-service with card and one-time code: the MEMBER role
     * and the {@code member} claim, nothing else; the subject is prefixed so it can never equal a staff id.
     */
    String issueForMember(String memberId, String name) {
        JWTClaimsSet.Builder claims = base(MEMBER_SUBJECT_PREFIX + memberId)
                .claim(TokenClaims.MEMBER, memberId)
                .claim(TokenClaims.ROLES, java.util.List.of(Role.MEMBER.name()));
        if (name != null && !name.isBlank()) {
            claims.claim(TokenClaims.NAME, name.strip());
        }
        return sign(claims);
    }

    private JWTClaimsSet.Builder base(String subject) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet.Builder claims) {
        RSAKey key = keys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }
}

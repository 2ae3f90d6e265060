package org.unionplatform.testsupport.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests, signed by this JVM's {@link TestTokenIssuer}:
 * <pre>{@code
 * mvc.get("/api/x").header("Authorization", TestTokens.bearer(TestTokens.organizer("/sx/xa/")))
 * TestTokens.forged().forEach((kind, token) -> ... expect 401 ...)
 * }</pre>
 * <p>
 * Over 200 lines on purpose: one factory per role and per forged-token kind, kept together so the matrices
 * read one list.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return claims().subject("admin-1").roles("ADMIN").sign();
    }

    /** An ORGANIZER scoped to the subtree of {@code orgPath} (e.g. {@code /sx/xa/}). */
    public static String organizer(String orgPath) {
        return claims().subject("organizer" + orgPath.replace('/', '-')).roles("ORGANIZER").orgPath(orgPath).sign();
    }

    /** A BENEFIT_OFFICER scoped to the subtree of {@code orgPath}. */
    public static String benefitOfficer(String orgPath) {
        return claims().subject("officer" + orgPath.replace('/', '-')).roles("BENEFIT_OFFICER").orgPath(orgPath)
                .sign();
    }

    public static String attendant(String... stationIds) {
        return attendant(List.of(stationIds));
    }

    public static String attendant(Collection<String> stationIds) {
        return claims().subject("attendant-" + String.join("-", stationIds)).roles("STATION_ATTENDANT")
                .stations(stationIds).sign();
    }

    public static String member(String memberId) {
        return claims().subject("member-" + memberId).roles("MEMBER").member(memberId).sign();
    }

    /** What a platform service presents when it calls another on its own behalf (e.g. "membership-service"). */
    public static String service(String applicationName) {
        return claims().subject(applicationName).roles("SERVICE").sign();
    }

    /** A valid token with no role at all: authenticated, allowed nothing role-protected. */
    public static String withoutRoles() {
        return claims().subject("nobody").sign();
    }

    /** {@code "Bearer " + token}, for the Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Free-form claims for cases the shortcuts do not cover; valid for 10 minutes unless changed. */
    public static Claims claims() {
        return new Claims();
    }

    /**
     * Every forged or invalid kind of token a resource server must refuse with 401, by name: {@code alg-none},
     * {@code hs256-with-public-key}, {@code foreign-key}, {@code expired}, {@code not-yet-valid},
     * {@code wrong-issuer}, {@code wrong-audience}, {@code unknown-kid}. Each would be an ADMIN token otherwise.
     */
    public static Map<String, String> forged() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("alg-none", algNone());
        tokens.put("hs256-with-public-key", hs256WithPublicKey());
        tokens.put("foreign-key", foreignKey());
        tokens.put("expired", expired());
        tokens.put("not-yet-valid", notYetValid());
        tokens.put("wrong-issuer", wrongIssuer());
        tokens.put("wrong-audience", wrongAudience());
        tokens.put("unknown-kid", unknownKid());
        return tokens;
    }

    public static String algNone() {
        return new PlainJWT(claims().roles("ADMIN").build()).serialize();
    }

    /** The classic key-confusion attack: HMAC keyed with the issuer's public key, which anyone can fetch. */
    public static String hs256WithPublicKey() {
        try {
            RSAPublicKey publicKey = TestTokenIssuer.get().signingKey().toRSAPublicKey();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokenIssuer.KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims().roles("ADMIN").build());
            jwt.sign(new MACSigner(pem.getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by another key that claims the issuer's key id. */
    public static String foreignKey() {
        return claims().roles("ADMIN").signWith(Foreign.KEY, TestTokenIssuer.KEY_ID);
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        return claims().roles("ADMIN").issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(10))).sign();
    }

    public static String notYetValid() {
        return claims().roles("ADMIN").notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign();
    }

    public static String wrongIssuer() {
        return claims().roles("ADMIN").issuer("https://evil.example/issuer").sign();
    }

    public static String wrongAudience() {
        return claims().roles("ADMIN").audience("some-other-api").sign();
    }

    /** Properly signed by the issuer's key, but naming a key id the JWKS does not publish. */
    public static String unknownKid() {
        return claims().roles("ADMIN").signWith(TestTokenIssuer.get().signingKey(), "no-such-key");
    }

    /** Builder of claims; {@link #sign()} signs with the test issuer's key. */
    public static final class Claims {

        private final JWTClaimsSet.Builder builder;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(10));
        private Instant notBefore;

        private Claims() {
            TestTokenIssuer issuer = TestTokenIssuer.get();
            builder = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience(issuer.audience())
                    .subject("test-subject").jwtID(UUID.randomUUID().toString());
        }

        public Claims subject(String subject) {
            builder.subject(subject);
            return this;
        }

        public Claims roles(String... roles) {
            builder.claim("roles", List.of(roles));
            return this;
        }

        /** Sets {@code org_path} and {@code org} (the last id of the path). */
        public Claims orgPath(String orgPath) {
            String[] ids = orgPath.split("/");
            builder.claim("org_path", orgPath).claim("org", ids.length == 0 ? "" : ids[ids.length - 1]);
            return this;
        }

        public Claims stations(Collection<String> stationIds) {
            builder.claim("stations", new ArrayList<>(stationIds));
            return this;
        }

        public Claims member(String memberId) {
            builder.claim("member", memberId);
            return this;
        }

        public Claims name(String name) {
            builder.claim("name", name);
            return this;
        }

        public Claims claim(String name, Object value) {
            builder.claim(name, value);
            return this;
        }

        public Claims issuer(String issuer) {
            builder.issuer(issuer);
            return this;
        }

        public Claims audience(String audience) {
            builder.audience(audience);
            return this;
        }

        public Claims issuedAt(Instant at) {
            issuedAt = at;
            return this;
        }

        public Claims expiresAt(Instant at) {
            expiresAt = at;
            return this;
        }

        public Claims notBefore(Instant at) {
            notBefore = at;
            return this;
        }

        public JWTClaimsSet build() {
            builder.issueTime(Date.from(issuedAt)).expirationTime(expiresAt == null ? null : Date.from(expiresAt));
            if (notBefore != null) {
                builder.notBeforeTime(Date.from(notBefore));
            }
            return builder.build();
        }

        public String sign() {
            return signWith(TestTokenIssuer.get().signingKey(), TestTokenIssuer.KEY_ID);
        }

        String signWith(RSAKey key, String keyId) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                        .type(JOSEObjectType.JWT).build(), build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Foreign {
        static final RSAKey KEY = TestTokenIssuer.generate("foreign");
    }
}

package org.unionplatform.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for the gateway's tests: one RSA key, its JWKS on a loopback port (the gateway fetches it over
 * HTTP exactly as in production), valid tokens and the forged kinds every resource server must refuse.
 */
final class TestIssuer {

    static final String ISSUER = "gateway-test-issuer";
    static final String AUDIENCE = "union-platform";
    private static final String KEY_ID = "gateway-test-key";

    private final RSAKey key = generate(KEY_ID);
    private final HttpServer server = serve(new JWKSet(key.toPublicJWK()).toString());

    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid access token for {@code subject}. */
    String token(String subject) {
        return sign(key, JWSAlgorithm.RS256, claims(subject, UnaryOperator.identity()));
    }

    /** Kind -> a token the gateway must answer with 401. */
    Map<String, String> forged() {
        Instant now = Instant.now();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg-none", new PlainJWT(claims("mallory", UnaryOperator.identity())).serialize());
        forged.put("hs256-with-public-key", hs256WithPublicKey());
        forged.put("foreign-key", sign(generate(KEY_ID), JWSAlgorithm.RS256, claims("mallory", UnaryOperator.identity())));
        forged.put("expired", sign(key, JWSAlgorithm.RS256, claims("mallory", claims -> claims
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))));
        forged.put("not-yet-valid", sign(key, JWSAlgorithm.RS256, claims("mallory", claims -> claims
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))))));
        forged.put("wrong-issuer", sign(key, JWSAlgorithm.RS256, claims("mallory",
                claims -> claims.issuer("https://elsewhere.example"))));
        forged.put("wrong-audience", sign(key, JWSAlgorithm.RS256, claims("mallory",
                claims -> claims.audience("another-platform"))));
        forged.put("unknown-kid", sign(generate("never-published"), JWSAlgorithm.RS256,
                claims("mallory", UnaryOperator.identity())));
        return forged;
    }

    private String hs256WithPublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(),
                    claims("mallory", UnaryOperator.identity()));
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("ADMIN"));
        return change.apply(builder).build();
    }

    private static String sign(RSAKey signingKey, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.unionplatform.testsupport.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * One token issuer per test JVM: an RSA key pair and its JWKS served on a loopback port, so Spring
 * tests validate tokens exactly as production does (fetching keys over HTTP), without any mock decoder.
 */
public final class TestTokenIssuer {

    public static final String ISSUER = "union-platform-test-issuer";
    public static final String AUDIENCE = "union-platform";
    static final String KEY_ID = "test-key-1";

    private final RSAKey signingKey;
    private final HttpServer server;

    private TestTokenIssuer() {
        this.signingKey = generate(KEY_ID);
        this.server = serve(new JWKSet(signingKey.toPublicJWK()).toString());
    }

    /** The issuer of this JVM, started on first use. */
    public static TestTokenIssuer get() {
        return Holder.INSTANCE;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public String issuer() {
        return ISSUER;
    }

    public String audience() {
        return AUDIENCE;
    }

    RSAKey signingKey() {
        return signingKey;
    }

    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
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
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test JWKS server", e);
        }
    }

    private static final class Holder {
        static final TestTokenIssuer INSTANCE = new TestTokenIssuer();
    }
}

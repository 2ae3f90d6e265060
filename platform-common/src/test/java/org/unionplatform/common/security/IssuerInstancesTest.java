package org.unionplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.unionplatform.testsupport.security.TestTokenIssuer;
import org.unionplatform.testsupport.security.TestTokens;

import com.sun.net.httpserver.HttpServer;

/**
 * The issuer's endpoints given as several instances, comma separated, with the first one down: the service token
 * and the signing keys come from the next.
 */
class IssuerInstancesTest {

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final HttpServer issuer = tokenEndpoint();

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    @Test
    void theServiceTokenComesFromTheNextIssuerInstance() {
        String tokenUri = refusing() + "/oauth/token," + "http://127.0.0.1:" + issuer.getAddress().getPort()
                + "/oauth/token";
        ServiceTokens tokens = new ServiceTokens(new ServiceTokenProperties(tokenUri, null, "secret",
                Duration.ofSeconds(60), Duration.ofSeconds(2)), "station-service", Clock.systemUTC());

        assertThat(tokens.authorizationHeader()).isEqualTo("Bearer service-token");
        assertThat(tokenRequests).hasValue(1);
    }

    @Test
    void theSigningKeysComeFromTheNextIssuerInstance() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("platform.security.jwks-uri", refusing() + "/jwks," + TestTokenIssuer.get().jwksUri());
        PlatformSecurityProperties properties = new PlatformSecurityProperties(null, TestTokenIssuer.ISSUER,
                TestTokenIssuer.AUDIENCE, Duration.ofSeconds(60), null);

        JwtDecoder decoder = new PlatformSecurityAutoConfiguration().jwtDecoder(properties, environment);

        assertThat(decoder.decode(TestTokens.admin()).getSubject()).isNotBlank();
    }

    private HttpServer tokenEndpoint() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth/token", exchange -> {
                tokenRequests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusing() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.unionplatform.common.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import feign.Feign;
import feign.FeignException;
import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.RetryableException;
import feign.Retryer;

/**
 * Calls to a service with two instances, through a RestClient and a Feign client, over real HTTP: the next instance
 * answers when the first refuses the connection or does not accept it in time, calls spread when both are up, and a
 * request that reached an instance (any response, or no answer in time) is never sent to another.
 */
class FailoverTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);

    private final Instance a = new Instance("a");
    private final Instance b = new Instance("b");

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void aCallGoesToTheNextInstanceWhenTheFirstRefusesTheConnection() {
        RestClient rest = restClient(Instance.refusing() + "," + b.url());
        Things feign = feignClient(Instance.refusing() + "," + b.url());

        for (int call = 0; call < 4; call++) {
            assertThat(rest.get().uri("/api/things").retrieve().body(String.class)).contains("\"b\"");
            assertThat(post(rest)).contains("\"b\"");
            assertThat(feign.read()).contains("\"b\"");
            assertThat(feign.write("{}")).contains("\"b\"");
        }
        assertThat(b.received()).isEqualTo(16);
    }

    @Test
    void aCallGoesToTheNextInstanceWhenConnectingToTheFirstTimesOut() throws IOException {
        try (Instance.Stalled stalled = Instance.stalled()) {
            RestClient rest = restClient(stalled.url() + "," + b.url());
            Things feign = feignClient(stalled.url() + "," + b.url());

            assertThat(rest.get().uri("/api/things").retrieve().body(String.class)).contains("\"b\"");
            assertThat(feign.read()).contains("\"b\"");
            // The request never left this process: a POST is as safe to send elsewhere as a read.
            assertThat(post(rest)).contains("\"b\"");
            assertThat(feign.write("{}")).contains("\"b\"");
        }
        assertThat(b.received()).isEqualTo(4);
    }

    @Test
    void callsSpreadOverTheInstancesThatAreUp() {
        // Addresses with a base path: the request's path is appended to the chosen one.
        RestClient rest = restClient(a.url() + "/api," + b.url() + "/api/");
        Things feign = feignClient(a.url() + "," + b.url());

        for (int call = 0; call < 10; call++) {
            rest.get().uri("/things").retrieve().body(String.class);
            feign.read();
        }
        assertThat(a.received()).isEqualTo(10);
        assertThat(b.received()).isEqualTo(10);
    }

    @Test
    void aPostAnsweredWithAServerErrorIsNotSentToAnotherInstance() {
        a.answering(503);

        // Each client's first call starts at the first address.
        assertThatThrownBy(() -> post(restClient(a.url() + "," + b.url())))
                .isInstanceOf(HttpServerErrorException.class);
        assertThatThrownBy(() -> feignClient(a.url() + "," + b.url()).write("{}"))
                .isInstanceOfSatisfying(FeignException.class, e -> assertThat(e.status()).isEqualTo(503));

        assertThat(a.received()).isEqualTo(2);
        assertThat(b.received()).isZero();
    }

    @Test
    void aPostLeftUnansweredIsNotSentToAnotherInstance() {
        a.after(READ_TIMEOUT.multipliedBy(2));

        // HttpURLConnection reads a POST's answer when the body is read: the timeout may surface only then.
        assertThatThrownBy(() -> post(restClient(a.url() + "," + b.url())))
                .isInstanceOf(RestClientException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> feignClient(a.url() + "," + b.url()).write("{}"))
                .isInstanceOf(RetryableException.class).hasCauseInstanceOf(SocketTimeoutException.class);

        assertThat(a.received()).isEqualTo(2);
        assertThat(b.received()).isZero();
    }

    @Test
    void withEveryInstanceDownTheCallerSeesTheConnectionFailure() {
        String down = Instance.refusing() + "," + Instance.refusing();

        assertThatThrownBy(() -> restClient(down).get().uri("/api/things").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class).hasCauseInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> feignClient(down).read())
                .isInstanceOf(RetryableException.class).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void oneAddressIsOneInstanceAsBefore() {
        RestClient rest = restClient(a.url() + "/");
        Things feign = feignClient(a.url());

        for (int call = 0; call < 3; call++) {
            assertThat(rest.get().uri("/api/things").retrieve().body(String.class)).contains("\"a\"");
            assertThat(feign.read()).contains("\"a\"");
        }
        assertThat(a.received()).isEqualTo(6);
    }

    @Test
    void onlyAFailureBeforeTheRequestWasSentCountsAsNeverReached() {
        assertThat(ServiceAddresses.neverReached(new ConnectException("Connection refused"))).isTrue();
        assertThat(ServiceAddresses.neverReached(new UnknownHostException("membership-service-2"))).isTrue();
        assertThat(ServiceAddresses.neverReached(new SocketTimeoutException("Connect timed out"))).isTrue();
        assertThat(ServiceAddresses.neverReached(new SocketTimeoutException("Read timed out"))).isFalse();
        assertThat(ServiceAddresses.neverReached(new java.net.SocketException("Connection reset"))).isFalse();
    }

    @Test
    void addressesAreAbsoluteHttpUrls() {
        assertThat(ServiceAddresses.of(" http://a:8082/ , http://b:8082").inTurn())
                .isEqualTo(List.of("http://a:8082", "http://b:8082"));
        assertThatThrownBy(() -> ServiceAddresses.of("a:8082")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceAddresses.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String post(RestClient rest) {
        return rest.post().uri("/api/things").contentType(MediaType.APPLICATION_JSON).body("{}")
                .retrieve().body(String.class);
    }

    private static RestClient restClient(String addresses) {
        ServiceAddresses instances = ServiceAddresses.of(addresses);
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder().baseUrl(instances.first()).requestFactory(requests)
                .requestInterceptor(new FailoverInterceptor(instances)).build();
    }

    /** As Spring Cloud OpenFeign builds a client without url: addressed to http://name, sent by the client. */
    private static Things feignClient(String addresses) {
        return Feign.builder()
                .client(new FailoverFeignClient(ServiceAddresses.of(addresses)))
                .options(new Request.Options(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                        READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, true))
                .retryer(Retryer.NEVER_RETRY)
                .target(Things.class, "http://things");
    }

    interface Things {

        @RequestLine("GET /api/things")
        String read();

        @RequestLine("POST /api/things")
        @Headers("Content-Type: application/json")
        String write(String body);
    }
}

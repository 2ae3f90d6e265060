package org.unionplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** Many concurrent requests from one client, as fast as this machine sends them; what each got back. */
record Burst(List<Answer> answers, Duration took) {

    record Answer(int status, String retryAfter, MediaType contentType) {
    }

    static Burst of(int port, String token, String path, int requests) {
        WebClient web = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        long start = System.nanoTime();
        List<Answer> answers = Flux.range(0, requests)
                .flatMap(i -> web.get().uri(path).exchangeToMono(response -> response.releaseBody()
                        .then(Mono.just(new Answer(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                response.headers().contentType().orElse(null))))), 8)
                .collectList()
                .block(Duration.ofSeconds(120));
        return new Burst(answers, Duration.ofNanos(System.nanoTime() - start));
    }

    long count(int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    /**
     * With a bucket of {@code burst} refilled at {@code perSecond}, at most burst + perSecond x (seconds taken + 1)
     * requests can pass (the +1 covers Redis' whole-second clock); every other one must be a 429 with Retry-After.
     */
    void assertExcessRefused(int burst, int perSecond) {
        long passed = count(200);
        long refused = count(429);
        long mostThatMayPass = burst + perSecond * (took.toSeconds() + 2);
        assertThat(passed + refused).as("every answer is 200 or 429").isEqualTo(answers.size());
        assertThat(passed).as("the burst passes").isGreaterThanOrEqualTo(Math.min(burst, answers.size()));
        assertThat(passed).as("no more than the bucket allows in %s", took).isLessThanOrEqualTo(mostThatMayPass);
        assertThat(refused).isEqualTo(answers.size() - passed);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).allSatisfy(answer -> {
            assertThat(Long.parseLong(answer.retryAfter())).isPositive();
            assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
    }
}

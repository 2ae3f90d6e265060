package org.unionplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

class FailoverTokenBucketsTest {

    private static final Policy ONE_AT_A_TIME = new Policy(1, 1, 1);

    private final Counter fallbacks = new SimpleMeterRegistry().counter(FailoverTokenBuckets.FALLBACK_METRIC);
    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final TokenBuckets redis = (key, policy) -> redisUp.get()
            ? Mono.just(Decision.allow())
            : Mono.error(new RedisConnectionFailureException("refused"));
    private final FailoverTokenBuckets buckets = new FailoverTokenBuckets(redis, new InMemoryTokenBuckets(),
            Duration.ofMillis(200), fallbacks);

    @Test
    void whileRedisIsDownTheLimitIsKeptInMemoryNotOpened() {
        redisUp.set(false);

        assertThat(buckets.take("sub:a", ONE_AT_A_TIME).block().allowed()).isTrue();
        assertThat(buckets.take("sub:a", ONE_AT_A_TIME).block().allowed()).isFalse();
        assertThat(fallbacks.count()).isEqualTo(2);
    }

    @Test
    void aRedisThatHangsCountsAsDown() {
        FailoverTokenBuckets hanging = new FailoverTokenBuckets((key, policy) -> Mono.never(),
                new InMemoryTokenBuckets(), Duration.ofMillis(50), fallbacks);

        assertThat(hanging.take("sub:a", ONE_AT_A_TIME).block(Duration.ofSeconds(5)).allowed()).isTrue();
        assertThat(fallbacks.count()).isEqualTo(1);
    }

    @Test
    void whenRedisAnswersAgainItDecidesAgain() {
        redisUp.set(false);
        buckets.take("sub:a", ONE_AT_A_TIME).block();
        redisUp.set(true);

        assertThat(buckets.take("sub:a", ONE_AT_A_TIME).block().allowed()).isTrue();
        assertThat(buckets.take("sub:a", ONE_AT_A_TIME).block().allowed()).isTrue();
        assertThat(fallbacks.count()).isEqualTo(1);
    }
}

package org.unionplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

class InMemoryTokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(now::get);

    @Test
    void theBurstPassesThenTheExcessIsRefusedWithTheSecondsUntilATokenIsBack() {
        Policy strict = new Policy(1, 60, 6);

        for (int request = 0; request < 10; request++) {
            assertThat(buckets.takeNow("ip:a", strict).allowed()).isTrue();
        }
        assertThat(buckets.takeNow("ip:a", strict)).isEqualTo(Decision.refuse(6));

        now.addAndGet(4 * SECOND);
        assertThat(buckets.takeNow("ip:a", strict)).isEqualTo(Decision.refuse(2));
        now.addAndGet(2 * SECOND);
        assertThat(buckets.takeNow("ip:a", strict).allowed()).isTrue();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        Policy tiny = new Policy(1, 1, 1);

        assertThat(buckets.takeNow("sub:a", tiny).allowed()).isTrue();
        assertThat(buckets.takeNow("sub:a", tiny).allowed()).isFalse();
        assertThat(buckets.takeNow("sub:b", tiny).allowed()).isTrue();
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        Policy policy = new Policy(5, 10, 1);
        buckets.takeNow("sub:idle", policy);

        now.addAndGet(3600 * SECOND);
        int passed = 0;
        while (buckets.takeNow("sub:idle", policy).allowed()) {
            passed++;
        }
        assertThat(passed).isEqualTo(10);
    }
}

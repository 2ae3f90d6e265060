package org.unionplatform.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * Rate limits for the RequestRateLimiter filters in application.yml ({@code #{@normalRateLimiter}},
 * {@code #{@strictRateLimiter}}, {@code #{@clientKeyResolver}}). Redis holds the buckets when
 * {@code spring.data.redis.host} is set, with in-memory buckets while it is down; otherwise memory only.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final String REFUSED_METRIC = "gateway.ratelimit.refused";

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    TokenBuckets tokenBuckets(RateLimitProperties properties, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis, MeterRegistry meters) {
        InMemoryTokenBuckets inMemory = new InMemoryTokenBuckets();
        ReactiveStringRedisTemplate template = redis.getIfAvailable();
        if (!StringUtils.hasText(environment.getProperty("spring.data.redis.host")) || template == null) {
            log.info("Rate limits kept in memory (spring.data.redis.host not set): they hold per gateway instance");
            return inMemory;
        }
        Counter fallbacks = Counter.builder(FailoverTokenBuckets.FALLBACK_METRIC)
                .description("Rate-limit decisions taken in memory because Redis did not answer")
                .register(meters);
        return new FailoverTokenBuckets(new RedisTokenBuckets(template, properties.keyPrefix()), inMemory,
                properties.redisTimeout(), fallbacks);
    }

    // Primary: Spring Cloud Gateway also defines a RedisRateLimiter bean (fail-open), which no route uses.
    @Bean
    @Primary
    RateLimiter<Object> normalRateLimiter(RateLimitProperties properties, TokenBuckets buckets, MeterRegistry meters) {
        return new PolicyRateLimiter("normal", properties.normal(), buckets, refusals("normal", meters));
    }

    @Bean
    RateLimiter<Object> strictRateLimiter(RateLimitProperties properties, TokenBuckets buckets, MeterRegistry meters) {
        return new PolicyRateLimiter("strict", properties.strict(), buckets, refusals("strict", meters));
    }

    @Bean
    KeyResolver clientKeyResolver(RateLimitProperties properties) {
        return new ClientKeyResolver(new ClientAddresses(properties.trustedProxies()));
    }

    private static Counter refusals(String policy, MeterRegistry meters) {
        return Counter.builder(REFUSED_METRIC).tag("policy", policy)
                .description("Requests answered 429 by the gateway's rate limits").register(meters);
    }
}

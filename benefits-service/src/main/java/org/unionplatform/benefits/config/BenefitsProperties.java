package org.unionplatform.benefits.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.unionplatform.common.clients.BreakerSettings;

/**
 * {@code platform.benefits.*}. Worker types are the platform's one list ({@code platform.worker-types}).
 *
 * @param membershipUri     where membership-service answers eligibility questions (its instances, comma separated)
 * @param issuanceLease     how long an unfinished issuance may hold its reservation before recovery takes over
 * @param recoveryInterval  how often the recovery sweep runs
 * @param programKinds      accepted program kinds (extensible by configuration)
 * @param membershipBreaker circuit breaker around the eligibility call
 */
@ConfigurationProperties("platform.benefits")
public record BenefitsProperties(String membershipUri, @DefaultValue("30s") Duration issuanceLease,
        @DefaultValue("10s") Duration recoveryInterval, List<String> programKinds, Breaker membershipBreaker) {

    public BenefitsProperties {
        programKinds = programKinds == null ? List.of() : List.copyOf(programKinds);
    }

    /** The breaker's values under the names this service's configuration has always used. */
    public record Breaker(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
            Duration waitInOpenState, int callsInHalfOpenState, Duration timeLimit) {

        public BreakerSettings settings() {
            return new BreakerSettings(slidingWindowSize, minimumNumberOfCalls, failureRateThreshold, timeLimit,
                    waitInOpenState, callsInHalfOpenState);
        }
    }
}

package org.unionplatform.benefits.client;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.web.ServiceUnavailableException;

import feign.FeignException;

/**
 * Asks membership-service about a member, behind a circuit breaker. An unknown member is an answer
 * (empty); everything else that goes wrong (down, slow, breaker open, refused credentials) is a 503 for
 * the caller, before anything was reserved.
 */
@Component
public class MembershipDirectory {

    static final String BREAKER = "membership";
    private static final Logger log = LoggerFactory.getLogger(MembershipDirectory.class);

    private final MembershipClient client;
    private final CircuitBreaker breaker;

    MembershipDirectory(MembershipClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breaker = breakers.create(BREAKER);
    }

    public Optional<MemberEligibility> eligibility(String memberId) {
        return breaker.run(() -> ask(memberId), failure -> {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof PlatformProblemException problem) {
                    throw problem;
                }
            }
            log.warn("membership-service eligibility call failed: {}", failure.toString());
            throw new ServiceUnavailableException("membership-service",
                    "Membership records cannot be checked right now; nothing was reserved or issued. Please try again shortly.");
        });
    }

    private Optional<MemberEligibility> ask(String memberId) {
        try {
            return Optional.ofNullable(client.eligibility(memberId));
        } catch (FeignException.NotFound unknown) {
            return Optional.empty();
        }
    }
}

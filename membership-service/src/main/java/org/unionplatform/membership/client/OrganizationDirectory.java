package org.unionplatform.membership.client;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.unionplatform.common.web.ServiceUnavailableException;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.member.Worker;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Asks organization-service which grassroots union handles an applicant. Retry around a circuit breaker
 * (Resilience4j's recommended order); a 404 is an answer ("no union matches"), not a failure.
 */
@Component
public class OrganizationDirectory {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDirectory.class);

    private final OrganizationDispatchClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    OrganizationDirectory(OrganizationDispatchClient client, OrganizationDirectoryProperties properties) {
        this.client = client;
        this.breaker = CircuitBreaker.of("organization-dispatch", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(properties.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .ignoreExceptions(FeignException.NotFound.class)
                .build());
        this.retry = Retry.of("organization-dispatch", RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .waitDuration(properties.retryWait())
                .retryOnException(OrganizationDirectory::worthRetrying)
                .build());
    }

    /** The outcome of asking; {@link Unavailable} when the question could not be answered now. */
    public sealed interface Dispatch permits Dispatched, NoUnionMatches, Unavailable {
    }

    public record Dispatched(Union union, String rule) implements Dispatch {
    }

    public record NoUnionMatches() implements Dispatch {
    }

    public record Unavailable(String reason) implements Dispatch {
    }

    public Dispatch dispatch(Worker worker) {
        var question = new OrganizationDispatchClient.DispatchQuestion(worker.platform(), worker.companyCreditCode(),
                worker.divisionCode(), worker.workerType());
        try {
            var answer = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                    () -> client.dispatch(question))).get();
            if (answer == null || answer.organizationId() == null || answer.orgPath() == null) {
                return new Unavailable("empty dispatch answer");
            }
            return new Dispatched(new Union(answer.organizationId(), answer.organizationName(), answer.orgPath()),
                    answer.rule());
        } catch (FeignException.NotFound noMatch) {
            return new NoUnionMatches();
        } catch (CallNotPermittedException open) {
            return new Unavailable("circuit breaker open");
        } catch (FeignException | ServiceUnavailableException e) {
            log.info("Dispatch question not answered: {}", e.getClass().getSimpleName());
            return new Unavailable(e instanceof FeignException f ? "status " + f.status() : "no service token");
        } catch (RuntimeException e) {
            log.info("Dispatch question failed: {}", e.getClass().getSimpleName());
            return new Unavailable("unreachable");
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private static boolean worthRetrying(Throwable failure) {
        if (failure instanceof FeignException.NotFound || failure instanceof CallNotPermittedException) {
            return false;
        }
        // 4xx other than 404 means our question or credentials are wrong: asking again will not help.
        return !(failure instanceof FeignException feign) || feign.status() < 400 || feign.status() >= 500;
    }
}

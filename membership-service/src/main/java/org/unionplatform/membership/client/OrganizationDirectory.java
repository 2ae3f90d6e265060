package org.unionplatform.membership.client;

import java.util.ArrayList;
import java.util.List;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks organization-service where an application goes. Retry around a circuit breaker (Resilience4j's recommended
 * order). A 404 ("no organisation of this place") and a 400 or 422 (the details are invalid) are answers, not
 * failures: neither is retried nor counted by the breaker, so one applicant's wrong details cannot trip it for
 * everyone.
 */
@Component
public class OrganizationDirectory {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDirectory.class);

    static final String REASSIGNMENT = "REASSIGNMENT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                .ignoreExceptions(FeignException.NotFound.class, FeignException.BadRequest.class,
                        FeignException.UnprocessableEntity.class)
                .build());
        this.retry = Retry.of("organization-dispatch", RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .waitDuration(properties.retryWait())
                .retryOnException(OrganizationDirectory::worthRetrying)
                .build());
    }

    /** The outcome of asking; {@link Unavailable} when the question could not be answered now. */
    public sealed interface Dispatch permits Dispatched, ToReassign, NoUnionMatches, Refused, Unavailable {
    }

    /** A union that admits; {@code reason} says why it, in Chinese. */
    public record Dispatched(Union union, String rule, String reason) implements Dispatch {
    }

    /** No union admits: the federation whose re-assignment queue takes the application. */
    public record ToReassign(Union federation, String reason) implements Dispatch {
    }

    /** organization-service refused the details as invalid (400/422): a final answer. */
    public record Refused(String detail) implements Dispatch {
    }

    public record NoUnionMatches() implements Dispatch {
    }

    public record Unavailable(String reason) implements Dispatch {
    }

    /** @param stationId the station the worker joined at, or null */
    public Dispatch dispatch(Worker worker, String stationId) {
        return dispatch(stationId, worker.platform(), worker.companyCreditCode(), worker.divisionCode(),
                worker.workerType());
    }

    /**
     * The same question for someone who is not an applicant (a worker asking for help): place, platform, type;
     * stationId is the station the worker came through, or null.
     */
    public Dispatch dispatch(String stationId, String platform, String companyCreditCode, String divisionCode,
            String workerType) {
        var question = new OrganizationDispatchClient.DispatchQuestion(stationId, platform, companyCreditCode,
                divisionCode, workerType);
        try {
            var answer = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                    () -> client.dispatch(question))).get();
            if (answer == null || answer.organizationId() == null || answer.orgPath() == null) {
                return new Unavailable("empty dispatch answer");
            }
            var union = new Union(answer.organizationId(), answer.organizationName(), answer.orgPath());
            return REASSIGNMENT.equals(answer.rule()) ? new ToReassign(union, answer.reason())
                    : new Dispatched(union, answer.rule(), answer.reason());
        } catch (FeignException.NotFound noMatch) {
            return new NoUnionMatches();
        } catch (FeignException.BadRequest | FeignException.UnprocessableEntity invalid) {
            return new Refused(problemDetail(invalid));
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

    /** The refusal's field errors ("companyCreditCode: is not ...") or its detail; never the request itself. */
    private static String problemDetail(FeignException refusal) {
        try {
            JsonNode problem = JSON.readTree(refusal.contentUTF8());
            List<String> errors = new ArrayList<>();
            problem.path("errors").forEach(error -> errors.add(error.path("field").asString() + ": "
                    + error.path("message").asString()));
            return errors.isEmpty() ? problem.path("detail").asString("invalid details") : String.join("; ", errors);
        } catch (RuntimeException unreadable) {
            return "invalid details (status " + refusal.status() + ")";
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

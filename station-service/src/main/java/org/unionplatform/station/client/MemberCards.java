package org.unionplatform.station.client;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import feign.FeignException;

/**
 * Asks membership-service who holds a card or member QR token, behind a circuit breaker. Its answer is one of
 * three: the member, no such member, or "cannot tell now" (membership down, breaker open, no service token):
 * then the visit is recorded unverified and verified later.
 */
@Component
public class MemberCards {

    static final String BREAKER = "membership";
    private static final Logger log = LoggerFactory.getLogger(MemberCards.class);

    private final MembershipClient client;
    private final CircuitBreaker breaker;

    MemberCards(MembershipClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breaker = breakers.create(BREAKER);
    }

    /** What membership-service said. */
    public sealed interface Verification {
    }

    public record Member(String memberId, String cardNumber, String workerType, String status) implements Verification {
    }

    public record NoSuchMember() implements Verification {
    }

    public record Unavailable() implements Verification {
    }

    public Verification byCardNumber(String cardNumber) {
        return verify(() -> client.verify(new MembershipClient.VerificationRequest(cardNumber, null, null)));
    }

    public Verification byQrToken(String qrToken) {
        return verify(() -> client.verify(new MembershipClient.VerificationRequest(null, qrToken, null)));
    }

    /** By the hash of a QR token (platform-common {@code QrTokenHash}): what an unverified visit keeps of it. */
    public Verification byQrTokenHash(String qrTokenHash) {
        return verify(() -> client.verify(new MembershipClient.VerificationRequest(null, null, qrTokenHash)));
    }

    /** The member a member token names, asked with the service token. */
    public Verification byMemberId(String memberId) {
        return verify(() -> {
            MembershipClient.Eligibility found = client.eligibility(memberId);
            return found == null ? null
                    : new MembershipClient.CardVerification(found.memberId(), null, found.workerType(), found.status());
        });
    }

    private Verification verify(Supplier<MembershipClient.CardVerification> call) {
        return breaker.run(() -> {
            try {
                MembershipClient.CardVerification found = call.get();
                return found == null || found.memberId() == null ? new NoSuchMember()
                        : new Member(found.memberId(), found.cardNumber(), found.workerType(), found.status());
            } catch (FeignException.NotFound notFound) {
                // A definite answer, not a failure: it must not open the breaker.
                return new NoSuchMember();
            }
        }, failure -> {
            log.debug("membership-service could not verify a card now: {}", failure.toString());
            return new Unavailable();
        });
    }
}

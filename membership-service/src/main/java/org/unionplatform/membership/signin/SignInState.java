package org.unionplatform.membership.signin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything sign-in keeps about one card number, by {@code _id} (the embedded MongoDB ignores non-unique indexes,
 * so every lookup goes by the key). Unknown card numbers get the same document (no code), so limits and lockouts
 * behave identically and the answers never reveal whether a card exists.
 *
 * @param id            the card number
 * @param memberId      the member the pending code signs in; null without a code
 * @param codeHash      SHA-256 of salt, card and code (the code itself is never stored)
 * @param codeSalt      random per code
 * @param codeExpiresAt when the pending code stops working
 * @param codeAttempts  guesses made against the pending code
 * @param codeRequests  when codes were asked for within the last hour
 * @param requestSeq    changes with every accepted code request: the optimistic guard against parallel requests
 * @param failures      failed sign-ins in a row
 * @param lockedUntil   no sign-in before this
 * @param lockouts      locks in a row (each doubles the next)
 */
@Document(SignInState.COLLECTION)
record SignInState(@Id String id, String memberId, String codeHash, String codeSalt, Instant codeExpiresAt,
        Integer codeAttempts, List<Instant> codeRequests, Long requestSeq, Integer failures, Instant lockedUntil,
        Integer lockouts) {

    static final String COLLECTION = "member_sign_in";

    SignInState {
        // Counters are boxed because a document may lack them (it was created by another path's upsert).
        codeAttempts = codeAttempts == null ? 0 : codeAttempts;
        codeRequests = codeRequests == null ? List.of() : List.copyOf(codeRequests);
        failures = failures == null ? 0 : failures;
        lockouts = lockouts == null ? 0 : lockouts;
    }
}

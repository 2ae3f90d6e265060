package org.unionplatform.membership.member;

import java.security.SecureRandom;
import java.util.Base64;

import org.unionplatform.common.pii.QrTokenHash;

/**
 * QR tokens: 32 random bytes (256 bits, unguessable), shown once, stored only as platform-common's
 * {@link QrTokenHash} (station-service keeps the same hash of an unverified visit's token).
 */
public final class QrTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private QrTokens() {
    }

    public record Issued(String token, String hash) {
        @Override
        public String toString() {
            return "Issued[token=***]";
        }
    }

    public static Issued issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, QrTokenHash.of(token));
    }
}

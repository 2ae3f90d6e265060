package org.unionplatform.membership.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * QR tokens: 32 random bytes (256 bits, unguessable), shown once, stored only as their SHA-256. A plain hash
 * suffices because the token has full entropy: there is nothing to brute-force from the hash.
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
        return new Issued(token, hash(token));
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

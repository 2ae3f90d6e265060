package org.unionplatform.membership.activity;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-up codes: 10 characters from an alphabet without 0/O, 1/I/L (about 49 random bits), read out or scanned at
 * the door; shown grouped by five. Never 16 digits, so the door tells them from a card number.
 */
final class SignUpCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignUpCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        // A letter first, so a code is never all digits.
        code.append(ALPHABET.charAt(8 + RANDOM.nextInt(ALPHABET.length() - 8)));
        for (int i = 1; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, or empty when the text cannot be one. */
    static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}

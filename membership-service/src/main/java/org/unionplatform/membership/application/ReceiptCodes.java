package org.unionplatform.membership.application;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes: 12 characters from an alphabet without 0/O, 1/I/L (about 59 random bits), easy to read out on the
 * phone and to type; shown grouped by four. Lookups accept lower case, spaces and dashes.
 */
final class ReceiptCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
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

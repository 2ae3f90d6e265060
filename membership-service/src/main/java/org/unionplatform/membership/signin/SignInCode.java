package org.unionplatform.membership.signin;

import java.time.Instant;

/**
 * A code to deliver. {@link #toString()} shows neither the phone nor the code, so logging the value leaks nothing.
 *
 * @param cardNumber the member's card number
 * @param phone      the member's full mobile number (the only place it is revealed for sign-in)
 * @param code       six digits
 * @param expiresAt  when the code stops working
 */
public record SignInCode(String cardNumber, String phone, String code, Instant expiresAt) {

    /** The card as logs show it: only the last four digits. */
    public String maskedCard() {
        return maskCard(cardNumber);
    }

    static String maskCard(String cardNumber) {
        return cardNumber == null || cardNumber.length() < 4 ? "****"
                : "****" + cardNumber.substring(cardNumber.length() - 4);
    }

    @Override
    public String toString() {
        return "SignInCode[card=" + maskedCard() + ", expiresAt=" + expiresAt + "]";
    }
}

package org.unionplatform.membership.signin;

/**
 * Delivers a one-time sign-in code to the member's phone. Provide a bean of this type (an SMS gateway, say) to
 * replace the development sender, which only writes the code to the log.
 */
public interface SignInCodeSender {

    /** Delivers the code or throws; the member's answer is the same either way (it never tells whether the card exists). */
    void send(SignInCode code);
}

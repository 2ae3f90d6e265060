package org.unionplatform.membership.signin;

/**
 * The SMS sender: delivers one-time codes and the card number of a newly approved member to a phone. Provide a
 * bean of this type (an SMS gateway, say) to replace the development sender, which only writes to the log.
 */
public interface SignInCodeSender {

    /** Delivers the code or throws; the answer to the asker is the same either way (it never tells who exists). */
    void send(SignInCode code);

    /** Tells an applicant their application was approved, with their card number; delivers or throws. */
    void send(CardIssuedMessage message);
}

package org.unionplatform.membership.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that holds the SMS sender: the configured {@link SignInCodeSender} bean, else the development
 * sender that logs. Sending the card number never fails the caller: a lost SMS must not undo an approval.
 */
@Component
public class TextMessages {

    private static final Logger log = LoggerFactory.getLogger(TextMessages.class);

    private final SignInCodeSender sender;

    TextMessages(ObjectProvider<SignInCodeSender> senders) {
        this.sender = senders.getIfAvailable(LoggingSignInCodeSender::new);
    }

    void sendCode(SignInCode code) {
        sender.send(code);
    }

    /** Sends the approval message; answers whether it went out (operators see a failure in the log). */
    public boolean sendCardNumber(CardIssuedMessage message) {
        try {
            sender.send(message);
            return true;
        } catch (RuntimeException e) {
            log.warn("approval message for card {} could not be sent: {}", SignInCode.maskCard(message.cardNumber()),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}

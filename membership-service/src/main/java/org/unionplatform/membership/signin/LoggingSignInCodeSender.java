package org.unionplatform.membership.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionplatform.common.pii.MobilePhoneNumber;

/**
 * The development sender: writes the code to the log instead of sending an SMS, so the flow can be tried
 * locally. The card is masked and the phone never written in full; used only when no other {@link SignInCodeSender}
 * bean exists, and says so at start-up.
 */
final class LoggingSignInCodeSender implements SignInCodeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSignInCodeSender.class);

    LoggingSignInCodeSender() {
        log.warn("No SignInCodeSender bean: member sign-in codes are written to this log (development only)");
    }

    @Override
    public void send(SignInCode code) {
        if (code.cardNumber() == null) {
            // A code that proves a phone, not a card (the applicant's status): the phone as every view masks it.
            log.info("one-time code for phone {}: {}", MobilePhoneNumber.mask(code.phone()), code.code());
            return;
        }
        log.info("sign-in code for card {}: {}", code.maskedCard(), code.code());
    }

    @Override
    public void send(CardIssuedMessage message) {
        log.info("approval message for card {} sent (development: not delivered)", SignInCode.maskCard(message.cardNumber()));
    }
}

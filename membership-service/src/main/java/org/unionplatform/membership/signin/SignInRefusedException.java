package org.unionplatform.membership.signin;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 401 for every failed member sign-in, with one wording: it reveals neither whether the card exists nor why. */
class SignInRefusedException extends PlatformProblemException {

    SignInRefusedException() {
        this("The card number or code is wrong, or the code has expired; ask for a new code.");
    }

    private SignInRefusedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "Sign-in refused", detail);
    }

    /** The same for phone sign-in: it never tells whether the phone belongs to a member. */
    static SignInRefusedException byPhone() {
        return new SignInRefusedException("The phone number or code is wrong, or the code has expired; ask for a new code.");
    }
}

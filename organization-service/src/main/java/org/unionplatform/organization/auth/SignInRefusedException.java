package org.unionplatform.organization.auth;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 401 for every failed sign-in or refresh, with one wording, so the answer reveals nothing about the account. */
class SignInRefusedException extends PlatformProblemException {

    SignInRefusedException() {
        super(HttpStatus.UNAUTHORIZED, "Sign-in refused", "The username or password is wrong, or the session ended.");
    }
}

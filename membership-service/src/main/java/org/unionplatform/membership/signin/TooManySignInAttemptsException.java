package org.unionplatform.membership.signin;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 429 with Retry-After: too many codes asked for, or too many wrong codes, for this card (existing or not). */
class TooManySignInAttemptsException extends PlatformProblemException {

    private final Duration retryAfter;

    TooManySignInAttemptsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts", detail);
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

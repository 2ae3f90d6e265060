package org.unionplatform.organization.auth;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 429 with Retry-After: too many wrong passwords for this username (existing or not). */
class TemporarilyLockedException extends PlatformProblemException {

    private final Duration retryAfter;

    TemporarilyLockedException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "Too many failed sign-ins for this username; try again later.");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

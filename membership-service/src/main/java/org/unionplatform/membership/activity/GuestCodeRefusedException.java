package org.unionplatform.membership.activity;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 401 for every failed phone check of a non-member's sign-up, one wording. */
class GuestCodeRefusedException extends PlatformProblemException {

    GuestCodeRefusedException() {
        super(HttpStatus.UNAUTHORIZED, "Phone not confirmed",
                "The code sent to the phone is wrong or has expired; ask for a new code.");
    }
}

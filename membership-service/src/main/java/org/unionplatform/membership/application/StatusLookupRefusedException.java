package org.unionplatform.membership.application;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** 401 for every failed status lookup, one wording: it never tells whether the receipt code exists. */
class StatusLookupRefusedException extends PlatformProblemException {

    StatusLookupRefusedException() {
        super(HttpStatus.UNAUTHORIZED, "Status lookup refused",
                "The receipt code or the code sent to the phone is wrong, or the code has expired; ask for a new code.");
    }
}

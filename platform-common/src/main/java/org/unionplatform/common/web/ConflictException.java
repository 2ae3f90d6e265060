package org.unionplatform.common.web;

import org.springframework.http.HttpStatus;

/** 409: the request is valid but clashes with the current state (a duplicate, a stale version, a busy key). */
public class ConflictException extends PlatformProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "Conflict", detail);
    }
}

package org.unionplatform.benefits.grant;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** A refusal stored under an Idempotency-Key, answered again exactly as the first time. */
final class ReplayedProblem extends PlatformProblemException {

    ReplayedProblem(int status, String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.valueOf(status), title, detail);
        properties.forEach(this::with);
    }
}

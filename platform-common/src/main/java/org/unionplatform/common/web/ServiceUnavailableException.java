package org.unionplatform.common.web;

import org.springframework.http.HttpStatus;

/** 503: a neighbour service this request depends on cannot answer now; nothing was changed. */
public class ServiceUnavailableException extends PlatformProblemException {

    public ServiceUnavailableException(String service, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
        with("service", service);
    }
}

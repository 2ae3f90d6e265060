package org.unionplatform.common.web;

import org.springframework.http.HttpStatus;

/** 422: well-formed input that a business rule refuses; {@code rule} names the rule so clients can react. */
public class BusinessRuleViolationException extends PlatformProblemException {

    public BusinessRuleViolationException(String rule, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Business rule violated", detail);
        with("rule", rule);
    }
}

package org.unionplatform.membership.signin;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.unionplatform.common.web.RequestIds;

/** 429 with Retry-After for every one-time-code flow (sign-in and the applicant's status lookup). */
@RestControllerAdvice
class TooManyAttemptsAdvice {

    @ExceptionHandler(TooManySignInAttemptsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySignInAttemptsException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(ex.status()).header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

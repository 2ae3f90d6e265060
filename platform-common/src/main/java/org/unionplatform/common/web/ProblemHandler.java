package org.unionplatform.common.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;


import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem response: each field's error for invalid input,
 * 404 for unknown resources, 409 for conflicts, 422 for broken business rules, and for anything
 * unexpected a 500 that names the request id but never a stack trace or an exception class; a database that does
 * not answer in time is a 503 with Retry-After.
 * <p>
 * Over 200 lines on purpose: one handler per kind of failure, so every error of every service takes the same
 * problem shape.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(PlatformProblemException.class)
    ResponseEntity<Object> handlePlatformProblem(PlatformProblemException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return respond(ex, problem, ex.status(), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A record with the same unique value already exists.");
        problem.setTitle("Conflict");
        return respond(ex, problem, HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record was changed by someone else at the same time; reload it and try again.");
        problem.setTitle("Concurrent change");
        return respond(ex, problem, HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(ex, invalid(errors), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleArgumentTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        ProblemDetail problem = invalid(List.of(new FieldProblem(ex.getName(), "has an invalid value")));
        return respond(ex, problem, HttpStatus.BAD_REQUEST, request);
    }

    /** The database did not answer in time or could not be reached: nothing this request wrote is acknowledged. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, WebRequest request) {
        log.warn("The database did not answer {}: {}", path(request), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not answering at the moment; try again shortly.");
        problem.setTitle("Service unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (databaseUnavailable(ex)) {
            return handleDatabaseUnavailable(ex, request);
        }
        log.error("Unexpected failure handling {}", path(request), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed by this request unless its response said so; "
                        + "quote the request id when reporting it.");
        problem.setTitle("Internal error");
        return respond(ex, problem, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof org.springframework.validation.FieldError fieldError
                        ? new FieldProblem(fieldError.getField(), fieldError.getDefaultMessage())
                        : new FieldProblem(error.getObjectName(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        HttpStatus answer = ex.getBindingResult().getAllErrors().stream().allMatch(ProblemHandler::unprocessable)
                ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = invalid(errors);
        problem.setStatus(answer);
        return respond(ex, problem, answer, request);
    }

    /** A violation of a constraint marked {@link Unprocessable}. */
    private static boolean unprocessable(org.springframework.validation.ObjectError error) {
        return error.contains(jakarta.validation.ConstraintViolation.class) && error
                .unwrap(jakarta.validation.ConstraintViolation.class).getConstraintDescriptor().getPayload()
                .contains(Unprocessable.class);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                error instanceof org.springframework.validation.FieldError fieldError
                                        ? fieldError.getField()
                                        : result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(ex, invalid(errors), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = switch (ex.getMostSpecificCause()) {
            case UnrecognizedPropertyException unknown -> invalid(List.of(
                    new FieldProblem(jsonPath(unknown), "is not a known property")));
            case InvalidFormatException badValue -> invalid(List.of(
                    new FieldProblem(jsonPath(badValue), "has a value of the wrong type or format")));
            case DatabindException mismatch when !mismatch.getPath().isEmpty() -> invalid(List.of(
                    new FieldProblem(jsonPath(mismatch), "has a value of the wrong type or format")));
            case JacksonException malformed -> malformedBody();
            default -> malformedBody();
        };
        return respond(ex, problem, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            decorate(problem, request);
        }
        return response;
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail malformedBody() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.");
        problem.setTitle("Malformed request body");
        return problem;
    }

    private static void decorate(ProblemDetail problem, WebRequest request) {
        String path = path(request);
        if (problem.getInstance() == null && path != null) {
            problem.setInstance(URI.create(path));
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            return servletRequest.getRequestURI();
        }
        return null;
    }

    /**
     * A timeout or network failure of the MongoDB driver anywhere in the causes: Spring Data translates most of them
     * to {@link DataAccessResourceFailureException}, but not every kind (the driver's operation timeout is not).
     */
    private static boolean databaseUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    /** One invalid input: which field, and what is wrong with it (never the rejected value: it may be personal). */
    public record FieldProblem(String field, String message) {
        public FieldProblem {
            field = field == null ? "body" : field;
            message = message == null ? "is invalid" : message;
        }
    }

}

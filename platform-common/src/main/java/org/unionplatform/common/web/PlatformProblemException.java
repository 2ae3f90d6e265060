package org.unionplatform.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as a problem response with its own status.
 * Services throw the specific subclasses below rather than building responses by hand.
 */
public abstract class PlatformProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected PlatformProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** Adds a machine-readable member to the problem body, e.g. {@code rule} or {@code service}. */
    public PlatformProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}

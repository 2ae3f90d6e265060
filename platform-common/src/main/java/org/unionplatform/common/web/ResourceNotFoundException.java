package org.unionplatform.common.web;

import org.springframework.http.HttpStatus;

/** 404: the resource does not exist, or the caller may not know that it exists. */
public class ResourceNotFoundException extends PlatformProblemException {

    public ResourceNotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, "Not found", resource + " " + id + " was not found.");
        with("resource", resource);
    }
}

package org.unionplatform.common.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Paging parameters of a list endpoint ({@code ?page=0&size=50}): zero-based page, at most
 * {@value #MAX_SIZE} items, so no request can ask a service to load a whole collection.
 */
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest toPageRequest(Sort stableOrder) {
        return PageRequest.of(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, stableOrder);
    }
}

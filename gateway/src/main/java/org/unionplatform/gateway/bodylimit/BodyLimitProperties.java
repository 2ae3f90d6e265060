package org.unionplatform.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize body limit of routes without their own max-request-size metadata */
@ConfigurationProperties("platform.gateway")
record BodyLimitProperties(DataSize maxRequestSize) {

    BodyLimitProperties {
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("platform.gateway.max-request-size must be a positive size");
        }
    }
}

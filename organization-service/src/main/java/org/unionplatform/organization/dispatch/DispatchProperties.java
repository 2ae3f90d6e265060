package org.unionplatform.organization.dispatch;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dispatch settings (organization.dispatch.*).
 *
 * @param platforms the platforms dispatch knows, each with the other names workers and unions write for it
 */
@ConfigurationProperties("organization.dispatch")
record DispatchProperties(List<Platform> platforms) {

    /**
     * @param name    the platform's usual name
     * @param aliases the other names it goes by (brands, English names, app names)
     */
    record Platform(String name, List<String> aliases) {
    }

    DispatchProperties {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}

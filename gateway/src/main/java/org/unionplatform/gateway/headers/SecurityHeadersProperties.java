package org.unionplatform.gateway.headers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.gateway.security-headers.*}: headers written on every response the gateway sends.
 *
 * @param contentSecurityPolicy      for API responses and everything else: JSON needs no scripts, styles or frames
 * @param swaggerContentSecurityPolicy for {@code swaggerPaths}: what the Swagger UI page needs, from this origin only
 * @param swaggerPaths               path patterns of the Swagger UI page and its assets
 * @param pagesContentSecurityPolicy for {@code pagePaths}: the phone pages, scripts and styles from this origin
 *                                   only, no inline script
 * @param pagePaths                  path patterns of the pages and their assets
 * @param referrerPolicy             Referrer-Policy
 * @param cacheablePaths             path patterns whose Cache-Control is left as the backend or handler set it
 *                                   (static Swagger assets, the public JWKS); all others get {@code no-store}
 * @param hsts                       Strict-Transport-Security
 */
@ConfigurationProperties("platform.gateway.security-headers")
record SecurityHeadersProperties(String contentSecurityPolicy, String swaggerContentSecurityPolicy,
        List<String> swaggerPaths, String pagesContentSecurityPolicy, List<String> pagePaths, String referrerPolicy,
        List<String> cacheablePaths, Hsts hsts) {

    SecurityHeadersProperties {
        if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
                || swaggerContentSecurityPolicy == null || swaggerContentSecurityPolicy.isBlank()
                || pagesContentSecurityPolicy == null || pagesContentSecurityPolicy.isBlank()) {
            throw new IllegalArgumentException("platform.gateway.security-headers: all three content security "
                    + "policies must be set");
        }
        swaggerPaths = swaggerPaths == null ? List.of() : List.copyOf(swaggerPaths);
        pagePaths = pagePaths == null ? List.of() : List.copyOf(pagePaths);
        cacheablePaths = cacheablePaths == null ? List.of() : List.copyOf(cacheablePaths);
        referrerPolicy = referrerPolicy == null ? "no-referrer" : referrerPolicy;
        hsts = hsts == null ? new Hsts(false, Duration.ofDays(365), true) : hsts;
    }

    /**
     * @param behindTls         the gateway is reached over TLS terminated in front of it (ingress, load balancer):
     *                          send the header on every response. Over a TLS connection to the gateway itself it
     *                          is sent anyway; over plain HTTP without this setting, never (browsers ignore it there)
     * @param maxAge            how long browsers remember to use HTTPS only
     * @param includeSubDomains whether that covers the subdomains too
     */
    record Hsts(boolean behindTls, Duration maxAge, boolean includeSubDomains) {

        String headerValue() {
            return "max-age=" + maxAge.toSeconds() + (includeSubDomains ? "; includeSubDomains" : "");
        }
    }
}

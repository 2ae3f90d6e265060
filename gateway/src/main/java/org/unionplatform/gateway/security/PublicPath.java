package org.unionplatform.gateway.security;

import org.springframework.http.HttpMethod;

/** One entry of platform.security.public-paths: {@code /path/**} for any method, {@code POST /path} for one. */
record PublicPath(HttpMethod method, String pattern) {

    static PublicPath parse(String entry) {
        String trimmed = entry.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new PublicPath(null, requirePattern(trimmed, entry));
        }
        HttpMethod method = HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase());
        return new PublicPath(method, requirePattern(trimmed.substring(space + 1).trim(), entry));
    }

    private static String requirePattern(String pattern, String entry) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("platform.security.public-paths: '" + entry
                    + "' must be '/path' or 'METHOD /path'");
        }
        return pattern;
    }
}

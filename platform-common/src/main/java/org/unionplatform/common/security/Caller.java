package org.unionplatform.common.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, taken only from the validated access token (never from a header the gateway or a
 * client added). Declare it as a controller method parameter, or call {@link #current()}.
 *
 * @param subject  the token's {@code sub}
 * @param roles    the known roles of the {@code roles} claim
 * @param orgPath  the scope organisation's materialized path ({@code /sx/xa/}), or {@code null}
 * @param stations the station ids an attendant serves (empty if none)
 * @param memberId the member's own id, or {@code null}
 */
public record Caller(String subject, Set<Role> roles, String orgPath, Set<String> stations, String memberId) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        stations = stations == null ? Set.of() : Set.copyOf(stations);
    }

    /** The caller of the request this thread serves. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No validated access token for this request");
    }

    static Caller from(Jwt jwt) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        strings(jwt, TokenClaims.ROLES).forEach(value -> Role.fromClaim(value).ifPresent(roles::add));
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(TokenClaims.ORG_PATH),
                Set.copyOf(strings(jwt, TokenClaims.STATIONS)), jwt.getClaimAsString(TokenClaims.MEMBER));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : null;
        return values == null ? List.of() : values;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}

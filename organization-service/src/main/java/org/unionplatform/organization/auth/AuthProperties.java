package org.unionplatform.organization.auth;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.auth.*}: the organization-service's own token issuer for staff accounts.
 *
 * @param accessTokenTtl   lifetime of an access token (short: it cannot be revoked)
 * @param refreshTokenTtl  lifetime of a refresh token; each use replaces it
 * @param keyEncryptionKey base64 of 32 bytes (AES-256) that encrypts the signing keys' private halves in MongoDB;
 *                         from a Kubernetes Secret or the environment, never committed
 * @param keyRotation      how long a signing key signs before it is rotated
 * @param bcryptStrength   bcrypt cost factor (2^n rounds)
 * @param serviceClients   platform services allowed the client-credentials grant: application name -> secret
 *                         (from a Secret); a service token carries only the SERVICE role
 */
@ConfigurationProperties("platform.auth")
public record AuthProperties(@DefaultValue("10m") Duration accessTokenTtl, @DefaultValue("12h") Duration refreshTokenTtl,
        String keyEncryptionKey, @DefaultValue("30d") Duration keyRotation, @DefaultValue("12") int bcryptStrength,
        @DefaultValue Lockout lockout, @DefaultValue BootstrapAdmin bootstrapAdmin,
        Map<String, String> serviceClients) {

    public AuthProperties {
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    /**
     * @param threshold     wrong passwords in a row that lock the account
     * @param firstDuration the first lock; each further lock in a row doubles it
     * @param maxDuration   the longest lock
     */
    public record Lockout(@DefaultValue("10") int threshold, @DefaultValue("5m") Duration firstDuration,
            @DefaultValue("1h") Duration maxDuration) {

        Duration durationAfter(int previousLockouts) {
            Duration duration = firstDuration.multipliedBy(1L << Math.min(previousLockouts, 16));
            return duration.compareTo(maxDuration) > 0 ? maxDuration : duration;
        }
    }

    /** The first ADMIN account, created once when no account exists at all. */
    public record BootstrapAdmin(String username, String password) {
    }
}

package org.unionplatform.organization.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;

/**
 * Password sign-in and token refresh. Known and unknown usernames take the same path (a hash is
 * checked either way, failures are counted and locked either way), so neither the answer nor its
 * timing tells whether an account exists. Every outcome is audited.
 */
@Service
class SignIn {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final StaffAccountRepository accounts;
    private final FailedLogins failedLogins;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuditTrail audit;
    private final org.springframework.data.mongodb.core.MongoOperations mongo;
    private final Clock clock;
    private final String timingHash;

    SignIn(StaffAccountRepository accounts, FailedLogins failedLogins, PasswordEncoder passwords, AccessTokens accessTokens,
            RefreshTokens refreshTokens, AuditTrail audit, org.springframework.data.mongodb.core.MongoOperations mongo,
            Clock clock) {
        this.accounts = accounts;
        this.failedLogins = failedLogins;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
        this.timingHash = passwords.encode("no account has this password, it only costs the same time");
    }

    TokenResponse withPassword(String username, String password) {
        String name = StaffAccount.normalise(username);
        String target = "account:" + name;
        Instant now = clock.instant();
        Optional<StaffAccount> found = accounts.byUsername(name);
        Instant lockedUntil = found.map(StaffAccount::lockedUntil)
                .orElseGet(() -> Optional.ofNullable(mongo.findById(name, LoginThrottle.class))
                        .map(LoginThrottle::lockedUntil).orElse(null));
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            audit.record(name, "LOGIN_REFUSED_LOCKED", target, AuditOutcome.DENIED, Map.of());
            throw new TemporarilyLockedException(Duration.between(now, lockedUntil));
        }
        boolean passwordMatches = matches(password, found.map(StaffAccount::passwordHash).orElse(timingHash))
                && found.isPresent();
        if (passwordMatches && found.get().enabled()) {
            StaffAccount account = found.get();
            accounts.signedIn(account.id());
            audit.record(name, "LOGIN_SUCCEEDED", target, AuditOutcome.SUCCESS, Map.of("accountId", account.id()));
            return tokens(account, refreshTokens.issue(account.id()));
        }
        String reason = found.isEmpty() ? "unknown-account" : passwordMatches ? "disabled" : "wrong-password";
        audit.record(name, "LOGIN_FAILED", target, AuditOutcome.FAILURE, Map.of("reason", reason));
        if (passwordMatches) {
            throw new SignInRefusedException();
        }
        Duration lock = found.isPresent()
                ? failedLogins.count(StaffAccount.class, found.get().id(), now)
                : failedLogins.count(LoginThrottle.class, name, now);
        if (lock != null) {
            audit.record(name, "ACCOUNT_LOCKED", target, AuditOutcome.DENIED,
                    Map.of("seconds", Long.toString(lock.toSeconds())));
            throw new TemporarilyLockedException(lock);
        }
        throw new SignInRefusedException();
    }

    TokenResponse refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.use(refreshToken, reused -> audit.record(reused.accountId(),
                        "REFRESH_TOKEN_REUSED", "account-id:" + reused.accountId(), AuditOutcome.DENIED,
                        Map.of("family", reused.familyId())))
                .orElseThrow(SignInRefusedException::new);
        StaffAccount account = accounts.byId(rotation.accountId())
                .filter(StaffAccount::enabled)
                .filter(candidate -> !candidate.lockedAt(clock.instant()))
                .orElseThrow(() -> {
                    refreshTokens.revokeAll(rotation.accountId());
                    return new SignInRefusedException();
                });
        return tokens(account, rotation.nextToken());
    }

    private boolean matches(String password, String hash) {
        // bcrypt reads at most 72 bytes; a longer password cannot be one we stored, but costs the same time.
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            passwords.matches("x", hash);
            return false;
        }
        return passwords.matches(password, hash);
    }

    private TokenResponse tokens(StaffAccount account, String refreshToken) {
        return new TokenResponse(accessTokens.issue(account), "Bearer", accessTokens.ttl().toSeconds(), refreshToken,
                refreshTokens.ttl().toSeconds());
    }
}

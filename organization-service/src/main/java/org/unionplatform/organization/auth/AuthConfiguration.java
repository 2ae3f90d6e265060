package org.unionplatform.organization.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.PlatformSecurityProperties;
import org.unionplatform.common.security.Role;

/** Wires the built-in token issuer: keys (ready before the first request), tokens, upkeep, the first admin. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    SigningKeys signingKeys(MongoOperations mongo, AuditTrail audit, Clock clock, AuthProperties properties) {
        SigningKeys keys = new SigningKeys(mongo, new KeyEncryption(properties.keyEncryptionKey()), audit, clock,
                properties);
        // Here rather than in a runner: the web server must not take a sign-in before a key exists.
        keys.ensureUsableKeys();
        return keys;
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys, Clock clock, PlatformSecurityProperties security,
            AuthProperties properties) {
        return new AccessTokens(keys, clock, security, properties);
    }

    @Bean
    RefreshTokens refreshTokens(MongoOperations mongo, Clock clock, AuthProperties properties) {
        return new RefreshTokens(mongo, clock, properties);
    }

    @Bean
    Upkeep authUpkeep(SigningKeys keys, RefreshTokens refreshTokens) {
        return new Upkeep(keys, refreshTokens);
    }

    @Bean
    ApplicationRunner bootstrapAdmin(StaffAccountRepository accounts, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            AuthProperties properties) {
        return arguments -> {
            AuthProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
            if (admin.username() == null || admin.username().isBlank() || admin.password() == null
                    || admin.password().isBlank() || !accounts.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            String username = StaffAccount.normalise(admin.username());
            try {
                accounts.insert(new StaffAccount(UUID.randomUUID().toString(), username,
                        passwords.encode(admin.password()), Set.of(Role.ADMIN), null, null, Set.of(), true, 0, null, 0,
                        now, "bootstrap", now, "bootstrap"));
                audit.record("bootstrap", "ACCOUNT_CREATED", "account:" + username, AuditOutcome.SUCCESS,
                        Map.of("roles", "[ADMIN]"));
                log.info("Created the initial ADMIN account '{}'", username);
            } catch (DuplicateKeyException e) {
                // Another instance created it at the same moment.
            }
        };
    }

    /** Scheduled key rotation and clean-up of what nobody can use any more. */
    static class Upkeep {

        private final SigningKeys keys;
        private final RefreshTokens refreshTokens;

        Upkeep(SigningKeys keys, RefreshTokens refreshTokens) {
            this.keys = keys;
            this.refreshTokens = refreshTokens;
        }

        @Scheduled(initialDelayString = "${platform.auth.upkeep-interval:PT10M}",
                fixedDelayString = "${platform.auth.upkeep-interval:PT10M}")
        void run() {
            keys.maintain();
            refreshTokens.purgeExpired();
        }
    }
}

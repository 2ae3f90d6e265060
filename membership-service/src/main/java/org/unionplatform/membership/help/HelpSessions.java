package org.unionplatform.membership.help;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.PersonalDataProtector;
import org.unionplatform.common.retention.ExpiringCollection;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.membership.signin.OneTimeCodes;
import org.unionplatform.membership.signin.OneTimeCodes.Asker;
import org.unionplatform.membership.signin.OneTimeCodes.Purpose;
import org.unionplatform.membership.signin.OneTimeCodes.Recipient;

/**
 * A worker who is not a member proves they hold a phone, as applicants do (a one-time code by SMS, the same limits
 * and lockout: {@link OneTimeCodes}), and gets a help session: a random token, shown once, that reads and adds to
 * the cases filed with that phone until it expires. Only the token's SHA-256 and the phone's keyed hash are stored.
 * Every mainland number gets a code: holding the phone is what is proven, so the answer tells nobody anything.
 */
@Service
class HelpSessions {

    static final String HEADER = "X-Help-Session";
    static final Purpose HELP = new Purpose("HELP_SESSION", "HELP_SESSION_STARTED", "phone", "phone",
            HelpSessionRefusedException::new);

    private final OneTimeCodes codes;
    private final PersonalDataProtector protector;
    private final MongoOperations mongo;
    private final HelpProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HelpSessions(OneTimeCodes codes, PersonalDataProtector protector, MongoOperations mongo,
            HelpProperties properties, Clock clock) {
        this.codes = codes;
        this.protector = protector;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Document("help_sessions")
    record HelpSession(@Id String id, String phoneHash, String phoneMasked, Instant createdAt, Instant expiresAt) {
    }

    /** What the worker gets once: the token (never stored), when it ends, the phone it proves (masked). */
    record Started(String helpToken, Instant expiresAt, String phoneMasked) {
    }

    /** A verified phone: its keyed hash, and the mask to show. */
    record VerifiedPhone(String phoneHash, String phoneMasked) {
    }

    void requestCode(String phone) {
        MobilePhoneNumber number = MobilePhoneNumber.parse(phone);
        String hash = protector.lookupHash(number);
        codes.request(HELP, asker(number, hash), Optional.of(new Recipient(hash, number.value(), null)));
    }

    Started start(String phone, String code) {
        MobilePhoneNumber number = MobilePhoneNumber.parse(phone);
        String hash = protector.lookupHash(number);
        return codes.verify(HELP, asker(number, hash), code, proven -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = clock.instant();
            Instant expiresAt = now.plus(properties.sessionTtl());
            mongo.insert(new HelpSession(sha256(token), proven, number.masked(), now, expiresAt));
            return Optional.of(new Started(token, expiresAt, number.masked()));
        });
    }

    /** The phone a live session proves; empty for an unknown or expired token. */
    Optional<VerifiedPhone> verified(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(sha256(token.strip()), HelpSession.class))
                .filter(session -> session.expiresAt().isAfter(clock.instant()))
                .map(session -> new VerifiedPhone(session.phoneHash(), session.phoneMasked()));
    }

    private static Asker asker(MobilePhoneNumber number, String hash) {
        return new Asker("help-phone:" + hash, "phone:" + number.masked(), "phone:" + number.masked());
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** 401 for every failed code, one wording. */
    static final class HelpSessionRefusedException extends PlatformProblemException {
        HelpSessionRefusedException() {
            super(HttpStatus.UNAUTHORIZED, "Help session refused",
                    "The phone or the code sent to it is wrong, or the code has expired; ask for a new code.");
        }
    }

    /** Expired sessions are removed by the retention sweep (and the TTL index on a real MongoDB). */
    @Configuration(proxyBeanMethods = false)
    static class Expiry {
        @Bean
        ExpiringCollection helpSessionsExpire(HelpProperties properties) {
            return new ExpiringCollection("help_sessions", "createdAt", properties.sessionTtl());
        }
    }
}

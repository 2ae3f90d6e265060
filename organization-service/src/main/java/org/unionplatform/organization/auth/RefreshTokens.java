package org.unionplatform.organization.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.unionplatform.organization.auth.RefreshToken.State;

/** Opaque, rotating refresh tokens with reuse detection. */
class RefreshTokens {

    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(MongoOperations mongo, Clock clock, AuthProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.ttl = properties.refreshTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    /** A new family, at sign-in. Returns the token value; only its hash is stored. */
    String issue(String accountId) {
        return issue(accountId, UUID.randomUUID().toString());
    }

    /**
     * Uses a token once: the account id it belongs to, or empty when it is unknown, expired, revoked or
     * already used (a reuse revokes its whole family, and {@code onReuse} is told which account).
     */
    Optional<Rotation> use(String value, java.util.function.Consumer<RefreshToken> onReuse) {
        String hash = hash(value);
        Instant now = clock.instant();
        RefreshToken used = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(hash).and("state").is(State.ACTIVE).and("expiresAt").gt(now)),
                new Update().set("state", State.ROTATED), RefreshToken.class);
        if (used == null) {
            RefreshToken known = mongo.findById(hash, RefreshToken.class);
            if (known != null && known.state() == State.ROTATED) {
                revokeFamily(known.familyId());
                onReuse.accept(known);
            }
            return Optional.empty();
        }
        return Optional.of(new Rotation(used.accountId(), issue(used.accountId(), used.familyId())));
    }

    void revokeAll(String accountId) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("state").ne(State.REVOKED)),
                new Update().set("state", State.REVOKED), RefreshToken.class);
    }

    /** Scheduled: expired tokens are useless; the embedded MongoDB has no TTL index to drop them. */
    void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant().minus(Duration.ofDays(1)))),
                RefreshToken.class);
    }

    private void revokeFamily(String familyId) {
        mongo.updateMulti(Query.query(Criteria.where("familyId").is(familyId)),
                new Update().set("state", State.REVOKED), RefreshToken.class);
    }

    private String issue(String accountId, String familyId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.insert(new RefreshToken(hash(value), familyId, accountId, now, now.plus(ttl), State.ACTIVE));
        return value;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account a refresh token belonged to, and the token that replaces it. */
    record Rotation(String accountId, String nextToken) {
    }
}

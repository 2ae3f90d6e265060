package org.unionplatform.organization.auth;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.organization.auth.SigningKey.KeyState;

/**
 * The issuer's signing keys and their rotation without downtime: a NEXT key is published before it
 * signs, so every resource server's JWKS cache knows it when it becomes ACTIVE; the previous ACTIVE key
 * is RETIRED and stays published until the last token it signed has expired, then it is removed.
 */
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final MongoOperations mongo;
    private final KeyEncryption encryption;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retiredPublication;
    private final Duration rotationInterval;
    private final Map<String, RSAKey> unsealed = new ConcurrentHashMap<>();

    SigningKeys(MongoOperations mongo, KeyEncryption encryption, AuditTrail audit, Clock clock,
            AuthProperties properties) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        // Tokens live accessTokenTtl; resource servers accept them up to 60 s longer (clock skew).
        this.retiredPublication = properties.accessTokenTtl().plusSeconds(60);
        this.rotationInterval = properties.keyRotation();
    }

    /** At start-up: an ACTIVE and a NEXT key this instance can use; unusable ones (another KEK) are replaced. */
    void ensureUsableKeys() {
        Optional<SigningKey> active = inSlot(KeyState.ACTIVE);
        if (active.isEmpty() || !usable(active.get())) {
            active.ifPresent(key -> log.warn("Signing key {} was sealed with another key-encryption key; rotating",
                    key.id()));
            Optional<SigningKey> next = inSlot(KeyState.NEXT);
            if (next.isPresent() && !usable(next.get())) {
                mongo.remove(Query.query(Criteria.where("_id").is(next.get().id())), SigningKey.class);
            }
            rotate("system");
        }
        Optional<SigningKey> next = inSlot(KeyState.NEXT);
        if (next.isPresent() && !usable(next.get())) {
            // A NEXT key has never signed anything: replacing it is safe.
            mongo.remove(Query.query(Criteria.where("_id").is(next.get().id())), SigningKey.class);
            next = Optional.empty();
        }
        if (next.isEmpty()) {
            createInSlot(KeyState.NEXT);
        }
    }

    /** Retires the ACTIVE key, promotes NEXT (or a new key) to ACTIVE, creates a new NEXT. */
    synchronized SigningKey rotate(String actor) {
        Instant now = clock.instant();
        Optional<SigningKey> retiring = inSlot(KeyState.ACTIVE);
        retiring.ifPresent(key -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(key.id()).and("state").is(KeyState.ACTIVE)),
                new Update().set("state", KeyState.RETIRED).unset("slot").set("retiredAt", now)
                        .set("publishUntil", now.plus(retiredPublication)), SigningKey.class));
        SigningKey promoted = inSlot(KeyState.NEXT)
                .filter(this::usable)
                .map(next -> mongo.findAndModify(Query.query(Criteria.where("_id").is(next.id())
                                .and("state").is(KeyState.NEXT)),
                        new Update().set("state", KeyState.ACTIVE).set("slot", KeyState.ACTIVE.name())
                                .set("activatedAt", now),
                        org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                        SigningKey.class))
                .orElseGet(() -> createInSlot(KeyState.ACTIVE));
        createInSlot(KeyState.NEXT);
        audit.record(actor, "SIGNING_KEY_ROTATED", "signing-key:" + promoted.id(), AuditOutcome.SUCCESS,
                retiring.map(key -> Map.of("retired", key.id())).orElse(Map.of()));
        log.info("Signing key {} is active{}", promoted.id(), retiring.map(k -> "; " + k.id() + " retired").orElse(""));
        return promoted;
    }

    /** Scheduled upkeep: rotate when the active key is old, drop retired keys nobody can present any more. */
    void maintain() {
        Instant now = clock.instant();
        inSlot(KeyState.ACTIVE)
                .filter(key -> key.activatedAt() != null && key.activatedAt().plus(rotationInterval).isBefore(now))
                .ifPresent(key -> rotate("system"));
        mongo.remove(Query.query(Criteria.where("state").is(KeyState.RETIRED).and("publishUntil").lt(now)),
                SigningKey.class);
    }

    /** The key to sign with now. During the instant of a rotation the promoted NEXT key is used. */
    RSAKey signingKey() {
        SigningKey key = inSlot(KeyState.ACTIVE).or(() -> inSlot(KeyState.NEXT))
                .orElseThrow(() -> new IllegalStateException("No signing key"));
        return unsealed.computeIfAbsent(key.id(), id -> unseal(key));
    }

    /** The public JWK set: NEXT, ACTIVE and still-published RETIRED keys. */
    Map<String, Object> publicJwks() {
        Instant now = clock.instant();
        List<JWK> keys = mongo.findAll(SigningKey.class).stream()
                .filter(key -> key.publishedAt(now))
                .map(key -> parse(key.publicJwk()))
                .toList();
        return new JWKSet(keys).toJSONObject(true);
    }

    private Optional<SigningKey> inSlot(KeyState slot) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("slot").is(slot.name())),
                SigningKey.class));
    }

    private boolean usable(SigningKey key) {
        return encryption.fingerprint().equals(key.kekFingerprint());
    }

    private SigningKey createInSlot(KeyState state) {
        Instant now = clock.instant();
        String keyId = UUID.randomUUID().toString();
        RSAKey pair;
        try {
            pair = new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            SigningKey key = new SigningKey(keyId, state, state.name(), pair.toPublicJWK().toJSONString(),
                    encryption.encrypt(pair.toRSAPrivateKey().getEncoded(), keyId), encryption.fingerprint(), now,
                    state == KeyState.ACTIVE ? now : null, null, null);
            return mongo.insert(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        } catch (DuplicateKeyException e) {
            // Another instance filled the slot at the same moment: use its key.
            return inSlot(state).orElseThrow(() -> e);
        }
    }

    private RSAKey unseal(SigningKey key) {
        try {
            RSAKey publicKey = (RSAKey) parse(key.publicJwk());
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(encryption.decrypt(key.encryptedPrivateKey(), key.id())));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot restore signing key " + key.id(), e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored JWK is not valid", e);
        }
    }
}

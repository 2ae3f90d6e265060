package org.unionplatform.membership.signin;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.web.PlatformProblemException;

/**
 * One-time codes sent by SMS, for every public flow that proves a person holds a phone: member sign-in by card or
 * by phone, and the applicant's status lookup. A key that leads to nobody takes the same path as one that leads
 * to someone: the same answer, the same request limits, the same failure counting and lockout; only a real
 * recipient gets a code. Codes are stored hashed, compared in constant time, survive a few guesses and are used once.
 * Since this class holds the code flow as a whole (issue, limits, verify, lockout), it runs past 200 lines.
 */
@Component
public class OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int CODE_RANGE = 1_000_000;

    private final MongoOperations mongo;
    private final TextMessages sender;
    private final AuditTrail audit;
    private final SignInProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(MongoOperations mongo, TextMessages sender, AuditTrail audit, SignInProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What a flow calls its codes: audit actions are {@code <auditPrefix>_CODE_SENT} and so on, a success is
     * {@code successAction}; {@code refused} is the one 401 every failure answers.
     */
    public record Purpose(String auditPrefix, String successAction, String subjectDetail, String noun,
            java.util.function.Supplier<PlatformProblemException> refused) {
    }

    /**
     * Who asks: {@code stateKey} keys the stored limits and code ({@code _id}, never a phone in clear),
     * {@code actor} and {@code target} go to the audit log.
     */
    public record Asker(String stateKey, String actor, String target) {
    }

    /** Where a code goes: the subject it proves (a member id, a receipt code), the phone, the card if any. */
    public record Recipient(String subjectId, String phone, String cardNumber) {
    }

    public long codeValidForSeconds() {
        return properties.codeTtl().toSeconds();
    }

    public long nextCodeAfterSeconds() {
        return properties.codeInterval().toSeconds();
    }

    /** Issues and sends a code if there is a recipient; otherwise does nothing visible. Throws 429 when too soon. */
    public void request(Purpose purpose, Asker asker, Optional<Recipient> recipient) {
        Instant now = clock.instant();
        SignInState state = mongo.findById(asker.stateKey(), SignInState.class);
        List<Instant> recent = new ArrayList<>(state == null ? List.of()
                : state.codeRequests().stream().filter(at -> at.isAfter(now.minus(HOUR))).toList());
        refuseIfTooSoon(purpose, asker, recent, now);

        recent.add(now);
        Update update = new Update().set("codeRequests", recent).inc("requestSeq", 1);
        String code = null;
        if (recipient.isPresent()) {
            code = "%06d".formatted(random.nextInt(CODE_RANGE));
            String salt = HexFormat.of().formatHex(randomBytes());
            update.set("memberId", recipient.get().subjectId()).set("codeSalt", salt)
                    .set("codeHash", hash(salt, asker.stateKey(), code))
                    .set("codeExpiresAt", now.plus(properties.codeTtl())).set("codeAttempts", 0);
        } else {
            clearCode(update);
        }
        // Only the request that saw this exact sequence number wins; a parallel one is refused like a too-early one.
        Query unchanged = Query.query(where("_id").is(asker.stateKey()).and("requestSeq")
                .is(state == null ? null : state.requestSeq()));
        try {
            var result = mongo.upsert(unchanged, update, SignInState.class);
            if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
                throw tooSoon(purpose, properties.codeInterval());
            }
        } catch (DuplicateKeyException raced) {
            throw tooSoon(purpose, properties.codeInterval());
        }
        if (recipient.isEmpty()) {
            audit.record(asker.actor(), purpose.auditPrefix() + "_CODE_NOT_ISSUED", asker.target(),
                    AuditOutcome.FAILURE, Map.of("reason", "no-recipient"));
            return;
        }
        deliver(purpose, asker, recipient.get(), code, now.plus(properties.codeTtl()));
    }

    private void refuseIfTooSoon(Purpose purpose, Asker asker, List<Instant> recent, Instant now) {
        Optional<Instant> last = recent.stream().max(Comparator.naturalOrder());
        Duration wait = Duration.ZERO;
        if (last.isPresent() && last.get().plus(properties.codeInterval()).isAfter(now)) {
            wait = Duration.between(now, last.get().plus(properties.codeInterval()));
        }
        if (recent.size() >= properties.codesPerHour()) {
            Instant oldest = recent.stream().min(Comparator.naturalOrder()).orElseThrow();
            Duration untilOldestLeaves = Duration.between(now, oldest.plus(HOUR));
            wait = untilOldestLeaves.compareTo(wait) > 0 ? untilOldestLeaves : wait;
        }
        if (!wait.isZero()) {
            audit.record(asker.actor(), purpose.auditPrefix() + "_CODE_LIMITED", asker.target(), AuditOutcome.DENIED,
                    Map.of("seconds", Long.toString(Math.max(1, wait.toSeconds()))));
            throw tooSoon(purpose, wait);
        }
    }

    private void deliver(Purpose purpose, Asker asker, Recipient recipient, String code, Instant expiresAt) {
        try {
            sender.sendCode(new SignInCode(recipient.cardNumber(), recipient.phone(), code, expiresAt));
            audit.record(asker.actor(), purpose.auditPrefix() + "_CODE_SENT", asker.target(), AuditOutcome.SUCCESS,
                    Map.of(purpose.subjectDetail(), recipient.subjectId()));
        } catch (RuntimeException e) {
            // The answer stays the same (it must not reveal that the key leads to someone); operators see the failure.
            log.warn("one-time code for {} could not be sent: {}", asker.actor(), e.getClass().getSimpleName());
            audit.record(asker.actor(), purpose.auditPrefix() + "_CODE_NOT_SENT", asker.target(),
                    AuditOutcome.FAILURE, Map.of(purpose.subjectDetail(), recipient.subjectId()));
        }
    }

    /**
     * Verifies the code; {@code complete} turns the proven subject into the answer (empty when the subject no
     * longer qualifies). The code is used up only after {@code complete} succeeded, so a failure there (a 503,
     * say) leaves the person their code. Throws the purpose's 401, or 429 when locked.
     */
    public <T> T verify(Purpose purpose, Asker asker, String code, Function<String, Optional<T>> complete) {
        Instant now = clock.instant();
        SignInState state = mongo.findById(asker.stateKey(), SignInState.class);
        if (state != null && state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            audit.record(asker.actor(), purpose.auditPrefix() + "_REFUSED_LOCKED", asker.target(), AuditOutcome.DENIED,
                    Map.of());
            throw locked(purpose, Duration.between(now, state.lockedUntil()));
        }
        String reason;
        if (state == null || state.codeHash() == null) {
            reason = "no-code";
        } else if (!state.codeExpiresAt().isAfter(now)) {
            reason = "expired";
        } else {
            SignInState counted = countAttempt(asker.stateKey(), state.codeHash());
            if (counted == null) {
                reason = "code-void";
            } else if (MessageDigest.isEqual(
                    hash(counted.codeSalt(), asker.stateKey(), code).getBytes(StandardCharsets.US_ASCII),
                    counted.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                return succeed(purpose, asker, counted, complete);
            } else {
                reason = "wrong-code";
                if (counted.codeAttempts() >= properties.codeAttempts()) {
                    voidCode(asker.stateKey(), counted.codeHash());
                    reason = "wrong-code-voided";
                }
            }
        }
        fail(purpose, asker, reason, now);
        throw purpose.refused().get();
    }

    /** Counts one guess against the pending code, atomically; null when the code is gone or used up. */
    private SignInState countAttempt(String key, String codeHash) {
        Query pending = Query.query(where("_id").is(key).and("codeHash").is(codeHash)
                .and("codeAttempts").lt(properties.codeAttempts()));
        return mongo.findAndModify(pending, new Update().inc("codeAttempts", 1),
                FindAndModifyOptions.options().returnNew(true), SignInState.class);
    }

    private <T> T succeed(Purpose purpose, Asker asker, SignInState verified, Function<String, Optional<T>> complete) {
        Optional<T> answer = complete.apply(verified.memberId());
        if (answer.isEmpty()) {
            voidCode(asker.stateKey(), verified.codeHash());
            fail(purpose, asker, "no-recipient", clock.instant());
            throw purpose.refused().get();
        }
        Update used = clearCode(new Update()).set("failures", 0).set("lockouts", 0);
        long consumed = mongo.updateFirst(Query.query(where("_id").is(asker.stateKey()).and("codeHash")
                .is(verified.codeHash())), used, SignInState.class).getModifiedCount();
        if (consumed != 1) {
            fail(purpose, asker, "code-used", clock.instant());
            throw purpose.refused().get();
        }
        audit.record(asker.actor(), purpose.successAction(), asker.target(), AuditOutcome.SUCCESS,
                Map.of(purpose.subjectDetail(), verified.memberId()));
        return answer.get();
    }

    private void voidCode(String key, String codeHash) {
        mongo.updateFirst(Query.query(where("_id").is(key).and("codeHash").is(codeHash)),
                clearCode(new Update()), SignInState.class);
    }

    /** Counts a failure (atomically, so parallel guesses cannot slip past the threshold) and locks at it. */
    private void fail(Purpose purpose, Asker asker, String reason, Instant now) {
        audit.record(asker.actor(), purpose.auditPrefix() + "_FAILED", asker.target(), AuditOutcome.FAILURE,
                Map.of("reason", reason));
        SignInState counted = mongo.findAndModify(Query.query(where("_id").is(asker.stateKey())),
                new Update().inc("failures", 1), FindAndModifyOptions.options().returnNew(true).upsert(true),
                SignInState.class);
        var policy = properties.lockout();
        if (counted == null || counted.failures() < policy.threshold()) {
            return;
        }
        Duration lock = policy.durationAfter(counted.lockouts());
        // Only the failure that saw this exact count locks, so a burst locks once, not many times.
        long locked = mongo.updateFirst(Query.query(where("_id").is(asker.stateKey()).and("failures")
                .is(counted.failures())), new Update().set("failures", 0).set("lockedUntil", now.plus(lock))
                .inc("lockouts", 1), SignInState.class).getModifiedCount();
        if (locked == 1) {
            audit.record(asker.actor(), purpose.auditPrefix() + "_LOCKED", asker.target(), AuditOutcome.DENIED,
                    Map.of("seconds", Long.toString(lock.toSeconds())));
            throw locked(purpose, lock);
        }
    }

    private static Update clearCode(Update update) {
        return update.unset("memberId").unset("codeHash").unset("codeSalt").unset("codeExpiresAt")
                .set("codeAttempts", 0);
    }

    private static TooManySignInAttemptsException tooSoon(Purpose purpose, Duration wait) {
        return new TooManySignInAttemptsException("Too many codes asked for this " + purpose.noun()
                + "; try again later.", wait);
    }

    private static TooManySignInAttemptsException locked(Purpose purpose, Duration wait) {
        return new TooManySignInAttemptsException("Too many failed attempts for this " + purpose.noun()
                + "; try again later.", wait);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hash(String salt, String key, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((salt + ":" + key + ":" + code)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.MemberStatus;
import org.unionplatform.membership.member.Workers;

/**
 * One-time sign-in codes for members. Known and unknown card numbers take the same path: the same answer,
 * the same request limits, the same failure counting and lockout; only an ACTIVE member's card gets a code.
 * Codes are stored hashed, compared in constant time, survive a few guesses and are used once.
 */
@Service
class SignInCodes {

    private static final Logger log = LoggerFactory.getLogger(SignInCodes.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int CODE_RANGE = 1_000_000;

    private final MongoOperations mongo;
    private final MemberRepository members;
    private final Workers workers;
    private final SignInCodeSender sender;
    private final MemberTokenClient tokens;
    private final AuditTrail audit;
    private final SignInProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInCodes(MongoOperations mongo, MemberRepository members, Workers workers,
            ObjectProvider<SignInCodeSender> senders, MemberTokenClient tokens, AuditTrail audit,
            SignInProperties properties, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.workers = workers;
        this.sender = senders.getIfAvailable(LoggingSignInCodeSender::new);
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues and sends a code if the card is an ACTIVE member's; otherwise does nothing visible. */
    void request(String cardNumber) {
        Instant now = clock.instant();
        SignInState state = mongo.findById(cardNumber, SignInState.class);
        List<Instant> recent = new ArrayList<>(state == null ? List.of()
                : state.codeRequests().stream().filter(at -> at.isAfter(now.minus(HOUR))).toList());
        refuseIfTooSoon(cardNumber, recent, now);

        Optional<Member> member = members.findByCardNumber(cardNumber)
                .filter(found -> found.status() == MemberStatus.ACTIVE);
        recent.add(now);
        Update update = new Update().set("codeRequests", recent).inc("requestSeq", 1);
        String code = null;
        if (member.isPresent()) {
            code = "%06d".formatted(random.nextInt(CODE_RANGE));
            String salt = HexFormat.of().formatHex(randomBytes());
            update.set("memberId", member.get().id()).set("codeSalt", salt)
                    .set("codeHash", hash(salt, cardNumber, code)).set("codeExpiresAt", now.plus(properties.codeTtl()))
                    .set("codeAttempts", 0);
        } else {
            clearCode(update);
        }
        // Only the request that saw this exact sequence number wins; a parallel one is refused like a too-early one.
        Query unchanged = Query.query(where("_id").is(cardNumber).and("requestSeq")
                .is(state == null ? null : state.requestSeq()));
        try {
            var result = mongo.upsert(unchanged, update, SignInState.class);
            if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
                throw tooSoon(properties.codeInterval());
            }
        } catch (DuplicateKeyException raced) {
            throw tooSoon(properties.codeInterval());
        }
        if (member.isEmpty()) {
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_CODE_NOT_ISSUED", target(cardNumber), AuditOutcome.FAILURE,
                    Map.of("reason", "no-active-member"));
            return;
        }
        deliver(cardNumber, member.get(), code, now.plus(properties.codeTtl()));
    }

    private void refuseIfTooSoon(String cardNumber, List<Instant> recent, Instant now) {
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
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_CODE_LIMITED", target(cardNumber), AuditOutcome.DENIED,
                    Map.of("seconds", Long.toString(Math.max(1, wait.toSeconds()))));
            throw tooSoon(wait);
        }
    }

    private void deliver(String cardNumber, Member member, String code, Instant expiresAt) {
        try {
            sender.send(new SignInCode(cardNumber, workers.revealPhone(member.worker()), code, expiresAt));
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_CODE_SENT", target(cardNumber), AuditOutcome.SUCCESS,
                    Map.of("memberId", member.id()));
        } catch (RuntimeException e) {
            // The answer stays the same (it must not reveal that the card exists); operators see the failure.
            log.warn("sign-in code for card {} could not be sent: {}", SignInCode.maskCard(cardNumber),
                    e.getClass().getSimpleName());
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_CODE_NOT_SENT", target(cardNumber), AuditOutcome.FAILURE,
                    Map.of("memberId", member.id()));
        }
    }

    /** Verifies the code and returns the member's access token, or throws 401, 429 or 503. */
    MemberTokenClient.MemberToken signIn(String cardNumber, String code) {
        Instant now = clock.instant();
        SignInState state = mongo.findById(cardNumber, SignInState.class);
        if (state != null && state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_REFUSED_LOCKED", target(cardNumber), AuditOutcome.DENIED,
                    Map.of());
            throw locked(Duration.between(now, state.lockedUntil()));
        }
        String reason;
        if (state == null || state.codeHash() == null) {
            reason = "no-code";
        } else if (!state.codeExpiresAt().isAfter(now)) {
            reason = "expired";
        } else {
            SignInState counted = countAttempt(cardNumber, state.codeHash());
            if (counted == null) {
                reason = "code-void";
            } else if (MessageDigest.isEqual(
                    hash(counted.codeSalt(), cardNumber, code).getBytes(StandardCharsets.US_ASCII),
                    counted.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                return succeed(cardNumber, counted);
            } else {
                reason = "wrong-code";
                if (counted.codeAttempts() >= properties.codeAttempts()) {
                    voidCode(cardNumber, counted.codeHash());
                    reason = "wrong-code-voided";
                }
            }
        }
        fail(cardNumber, reason, now);
        throw new SignInRefusedException();
    }

    /** Counts one guess against the pending code, atomically; null when the code is gone or used up. */
    private SignInState countAttempt(String cardNumber, String codeHash) {
        Query pending = Query.query(where("_id").is(cardNumber).and("codeHash").is(codeHash)
                .and("codeAttempts").lt(properties.codeAttempts()));
        return mongo.findAndModify(pending, new Update().inc("codeAttempts", 1),
                FindAndModifyOptions.options().returnNew(true), SignInState.class);
    }

    private MemberTokenClient.MemberToken succeed(String cardNumber, SignInState verified) {
        Optional<Member> member = members.findById(verified.memberId())
                .filter(found -> found.status() == MemberStatus.ACTIVE && found.cardNumber().equals(cardNumber));
        if (member.isEmpty()) {
            voidCode(cardNumber, verified.codeHash());
            fail(cardNumber, "no-active-member", clock.instant());
            throw new SignInRefusedException();
        }
        // The token first, then the code is used up: if organization-service is down, the member keeps the code.
        MemberTokenClient.MemberToken token = tokens.issue(member.get().id());
        Update used = clearCode(new Update()).set("failures", 0).set("lockouts", 0);
        long consumed = mongo.updateFirst(Query.query(where("_id").is(cardNumber).and("codeHash")
                .is(verified.codeHash())), used, SignInState.class).getModifiedCount();
        if (consumed != 1) {
            fail(cardNumber, "code-used", clock.instant());
            throw new SignInRefusedException();
        }
        audit.record(actor(cardNumber), "MEMBER_SIGNED_IN", target(cardNumber), AuditOutcome.SUCCESS,
                Map.of("memberId", member.get().id()));
        return token;
    }

    private void voidCode(String cardNumber, String codeHash) {
        mongo.updateFirst(Query.query(where("_id").is(cardNumber).and("codeHash").is(codeHash)),
                clearCode(new Update()), SignInState.class);
    }

    /** Counts a failure (atomically, so parallel guesses cannot slip past the threshold) and locks at it. */
    private void fail(String cardNumber, String reason, Instant now) {
        audit.record(actor(cardNumber), "MEMBER_SIGN_IN_FAILED", target(cardNumber), AuditOutcome.FAILURE,
                Map.of("reason", reason));
        SignInState counted = mongo.findAndModify(Query.query(where("_id").is(cardNumber)),
                new Update().inc("failures", 1), FindAndModifyOptions.options().returnNew(true).upsert(true),
                SignInState.class);
        var policy = properties.lockout();
        if (counted == null || counted.failures() < policy.threshold()) {
            return;
        }
        Duration lock = policy.durationAfter(counted.lockouts());
        // Only the failure that saw this exact count locks, so a burst locks once, not many times.
        long locked = mongo.updateFirst(Query.query(where("_id").is(cardNumber).and("failures").is(counted.failures())),
                new Update().set("failures", 0).set("lockedUntil", now.plus(lock)).inc("lockouts", 1),
                SignInState.class).getModifiedCount();
        if (locked == 1) {
            audit.record(actor(cardNumber), "MEMBER_SIGN_IN_LOCKED", target(cardNumber), AuditOutcome.DENIED,
                    Map.of("seconds", Long.toString(lock.toSeconds())));
            throw locked(lock);
        }
    }

    private static Update clearCode(Update update) {
        return update.unset("memberId").unset("codeHash").unset("codeSalt").unset("codeExpiresAt")
                .set("codeAttempts", 0);
    }

    private static TooManySignInAttemptsException tooSoon(Duration wait) {
        return new TooManySignInAttemptsException("Too many codes asked for this card; try again later.", wait);
    }

    private static TooManySignInAttemptsException locked(Duration wait) {
        return new TooManySignInAttemptsException("Too many failed sign-ins for this card; try again later.", wait);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hash(String salt, String cardNumber, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((salt + ":" + cardNumber + ":" + code)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String actor(String cardNumber) {
        return "card:" + SignInCode.maskCard(cardNumber);
    }

    private static String target(String cardNumber) {
        return "card:" + cardNumber;
    }
}

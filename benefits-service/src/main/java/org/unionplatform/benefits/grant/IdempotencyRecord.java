package org.unionplatform.benefits.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code Idempotency-Key} of one caller: the hash of the request it was first used with, the grant id that
 * request works on, and once finished its outcome (a grant, or a refusal) to replay.
 *
 * @param id        caller subject + key
 * @param bodyHash  SHA-256 of program id and request body
 * @param state     IN_PROGRESS or DONE
 * @param status    the HTTP status of the outcome (DONE only)
 * @param grantId   the grant the outcome created (201) or null
 * @param problem   title, detail and properties of a refusal
 */
@Document("idempotency_keys")
record IdempotencyRecord(@Id String id, String bodyHash, String grantId, String state, Instant startedAt,
        Integer status, Problem problem) {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    /** SHA-256 over the parts of a request that decide its outcome. */
    static String hashOf(String... parts) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Problem(String title, String detail, Map<String, Object> properties) {
    }
}

package org.unionplatform.organization.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, stored only as its SHA-256 (a database reader cannot use it). Each use rotates it:
 * the used one becomes ROTATED and a new one of the same family is issued. Presenting a ROTATED token
 * again means it was copied: the whole family is REVOKED.
 */
@Document("refresh_tokens")
record RefreshToken(@Id String hash, @Indexed String familyId, @Indexed String accountId, Instant issuedAt,
        Instant expiresAt, State state) {

    enum State {
        ACTIVE,
        ROTATED,
        REVOKED
    }
}

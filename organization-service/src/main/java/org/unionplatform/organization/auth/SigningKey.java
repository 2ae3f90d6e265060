package org.unionplatform.organization.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A token-signing key pair. {@code slot} is "ACTIVE" or "NEXT" while the key holds that role and absent
 * once retired; its unique index guarantees one active and one next key even with several instances.
 *
 * @param id                  the key id ({@code kid})
 * @param publicJwk           the public key as a JWK (published)
 * @param encryptedPrivateKey PKCS#8 private key, AES-GCM encrypted, never published
 * @param kekFingerprint      which key-encryption key sealed it
 * @param publishUntil        for a retired key: until tokens it signed have all expired
 */
@Document("signing_keys")
record SigningKey(@Id String id, KeyState state, @Indexed(unique = true, sparse = true) String slot,
        String publicJwk, String encryptedPrivateKey, String kekFingerprint, Instant createdAt, Instant activatedAt,
        Instant retiredAt, Instant publishUntil) {

    enum KeyState {
        /** Published so caches know it before it signs; becomes ACTIVE at the next rotation. */
        NEXT,
        /** Signs every new token. */
        ACTIVE,
        /** Signs nothing; published until tokens it signed have expired. */
        RETIRED
    }

    boolean publishedAt(Instant now) {
        return state != KeyState.RETIRED || (publishUntil != null && publishUntil.isAfter(now));
    }
}

package org.unionplatform.organization.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the private halves of signing keys before they reach MongoDB (AES-256-GCM, the key id as
 * associated data so a ciphertext cannot be swapped onto another key). The key-encryption key comes
 * from configuration ({@code platform.auth.key-encryption-key}, a Kubernetes Secret in production);
 * its fingerprint is stored with each key so a changed key is noticed instead of failing at signing.
 */
final class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final String fingerprint;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(String base64Key) {
        byte[] bytes;
        if (base64Key == null || base64Key.isBlank()) {
            // Development only: keys made now cannot be used after a restart and are replaced then.
            log.warn("platform.auth.key-encryption-key is not set: using a key that lives only as long as this "
                    + "process; set it in every real deployment");
            bytes = new byte[32];
            random.nextBytes(bytes);
        } else {
            bytes = Base64.getDecoder().decode(base64Key.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("platform.auth.key-encryption-key must be 32 bytes in base64");
            }
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.fingerprint = fingerprint(bytes);
    }

    String fingerprint() {
        return fingerprint;
    }

    String encrypt(byte[] plain, String keyId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing key", e);
        }
    }

    byte[] decrypt(String encrypted, String keyId) {
        try {
            byte[] all = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + keyId, e);
        }
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

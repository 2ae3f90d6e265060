package org.unionplatform.common.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit IV per value. Stored form: {@code v1:<key id>:<base64(iv | ciphertext | tag)>}.
 * The version, key id and data kind are authenticated as associated data, so a ciphertext moved to another kind
 * of field (a phone into an ID) or relabelled with another key id fails like any other tampering.
 */
final class PersonalDataCipher {

	private static final String VERSION = "v1";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final PiiKeys keys;

	private final SecureRandom random = new SecureRandom();

	PersonalDataCipher(PiiKeys keys) {
		this.keys = keys;
	}

	String encrypt(String plaintext, String kind) {
		String keyId = this.keys.activeKeyId();
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.activeKey(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(keyId, kind));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
			return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	String decrypt(String stored, String kind) {
		String[] parts = (stored != null) ? stored.split(":", -1) : new String[0];
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.MALFORMED,
					"Stored " + kind + " is not in the " + VERSION + ":<key id>:<base64> format");
		}
		String keyId = parts[1];
		SecretKey key = this.keys.dataKey(keyId);
		if (key == null) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.UNKNOWN_KEY,
					"Stored " + kind + " was encrypted with key id '" + keyId
							+ "', which is not in platform.pii.keys");
		}
		byte[] bytes = decodeBase64(parts[2], kind);
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.MALFORMED,
					"Stored " + kind + " is too short to hold an IV and a tag");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			cipher.updateAAD(associatedData(keyId, kind));
			byte[] plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.TAMPERED,
					"Stored " + kind + " failed authentication (key id '" + keyId + "'): altered or not a " + kind,
					ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	boolean isEncryptedWithActiveKey(String stored) {
		return stored != null && stored.startsWith(VERSION + ":" + this.keys.activeKeyId() + ":");
	}

	private static byte[] associatedData(String keyId, String kind) {
		return (VERSION + ":" + keyId + ":" + kind).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] decodeBase64(String text, String kind) {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.MALFORMED,
					"Stored " + kind + " is not valid base64");
		}
	}

}

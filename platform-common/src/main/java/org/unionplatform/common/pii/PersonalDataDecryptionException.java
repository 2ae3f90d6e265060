package org.unionplatform.common.pii;

/**
 * A stored personal value could not be revealed. No partial value is ever returned; the message names the
 * reason and the key id, never the ciphertext or the value.
 */
public class PersonalDataDecryptionException extends RuntimeException {

	/** Why decryption failed. */
	public enum Reason {

		/** Not in the {@code v1:<key id>:<base64>} format, or not valid base64. */
		MALFORMED,
		/** Encrypted with a key id this service is not configured with (a removed or never-deployed key). */
		UNKNOWN_KEY,
		/** The authentication tag did not verify: the ciphertext, key id or data kind was altered. */
		TAMPERED,
		/** The decrypted value does not match the stored lookup hash (ciphertext copied between records). */
		INCONSISTENT

	}

	private final Reason reason;

	PersonalDataDecryptionException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	PersonalDataDecryptionException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}

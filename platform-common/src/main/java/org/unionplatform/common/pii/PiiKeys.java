package org.unionplatform.common.pii;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key material: AES-256 data keys by id (one active for new values, the others kept to decrypt old ones) and
 * the HMAC key for lookup hashes. Validated once, at startup.
 */
final class PiiKeys {

	/** Key ids appear inside the stored ciphertext, so they cannot contain the ':' separator. */
	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private static final int AES_256_KEY_BYTES = 32;

	private static final int MIN_LOOKUP_KEY_BYTES = 32;

	private final Map<String, SecretKey> dataKeys;

	private final String activeKeyId;

	private final SecretKey lookupKey;

	private PiiKeys(Map<String, SecretKey> dataKeys, String activeKeyId, SecretKey lookupKey) {
		this.dataKeys = Map.copyOf(dataKeys);
		this.activeKeyId = activeKeyId;
		this.lookupKey = lookupKey;
	}

	/**
	 * Builds the key set from base64 strings.
	 * @throws PiiKeyConfigurationException naming what is wrong (never a key's value)
	 */
	static PiiKeys fromBase64(Map<String, String> dataKeys, String activeKeyId, String lookupKey) {
		if (dataKeys == null || dataKeys.isEmpty()) {
			throw new PiiKeyConfigurationException("platform.pii.keys has no data key");
		}
		Map<String, SecretKey> decoded = new LinkedHashMap<>();
		dataKeys.forEach((id, base64) -> {
			if (!KEY_ID.matcher(id).matches()) {
				throw new PiiKeyConfigurationException(
						"platform.pii.keys: key id '" + id + "' must be 1-32 letters, digits, '.', '_' or '-'");
			}
			byte[] bytes = decode(base64, "platform.pii.keys." + id);
			if (bytes.length != AES_256_KEY_BYTES) {
				throw new PiiKeyConfigurationException("platform.pii.keys." + id + " must be 32 bytes (AES-256), was "
						+ bytes.length + " bytes");
			}
			decoded.put(id, new SecretKeySpec(bytes, "AES"));
		});
		if (activeKeyId == null || activeKeyId.isBlank()) {
			throw new PiiKeyConfigurationException("platform.pii.active-key-id is not set");
		}
		if (!decoded.containsKey(activeKeyId)) {
			throw new PiiKeyConfigurationException(
					"platform.pii.active-key-id '" + activeKeyId + "' is not one of platform.pii.keys");
		}
		if (lookupKey == null || lookupKey.isBlank()) {
			throw new PiiKeyConfigurationException("platform.pii.lookup-key is not set");
		}
		byte[] lookupBytes = decode(lookupKey, "platform.pii.lookup-key");
		if (lookupBytes.length < MIN_LOOKUP_KEY_BYTES) {
			throw new PiiKeyConfigurationException("platform.pii.lookup-key must be at least 32 bytes");
		}
		return new PiiKeys(decoded, activeKeyId, new SecretKeySpec(lookupBytes, "HmacSHA256"));
	}

	String activeKeyId() {
		return this.activeKeyId;
	}

	SecretKey activeKey() {
		return this.dataKeys.get(this.activeKeyId);
	}

	/** The data key with this id, or {@code null} when it is not configured. */
	SecretKey dataKey(String keyId) {
		return this.dataKeys.get(keyId);
	}

	SecretKey lookupKey() {
		return this.lookupKey;
	}

	private static byte[] decode(String base64, String property) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new PiiKeyConfigurationException(property + " is not valid base64");
		}
	}

	@Override
	public String toString() {
		return "PiiKeys[active=" + this.activeKeyId + ", ids=" + this.dataKeys.keySet() + "]";
	}

}

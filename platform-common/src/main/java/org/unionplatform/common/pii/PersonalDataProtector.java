package org.unionplatform.common.pii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The one place personal data is encrypted, revealed and hashed for lookup. Services store the
 * {@code Protected*} records and look people up by {@link #lookupHash}.
 */
public class PersonalDataProtector {

	static final String RESIDENT_ID = "resident-id";

	static final String MOBILE_PHONE = "mobile-phone";

	private final PersonalDataCipher cipher;

	private final LookupHasher hasher;

	PersonalDataProtector(PiiKeys keys) {
		this.cipher = new PersonalDataCipher(keys);
		this.hasher = new LookupHasher(keys);
	}

	/**
	 * A protector outside Spring (tools, tests): same rules as {@code platform.pii.*}.
	 * @param dataKeys key id to base64 of a 32-byte AES key
	 * @param activeKeyId the key new values are encrypted with
	 * @param lookupKey base64 of the HMAC key (at least 32 bytes)
	 * @throws PiiKeyConfigurationException when a key is missing or has the wrong size
	 */
	public static PersonalDataProtector create(Map<String, String> dataKeys, String activeKeyId, String lookupKey) {
		return new PersonalDataProtector(PiiKeys.fromBase64(dataKeys, activeKeyId, lookupKey));
	}

	public ProtectedResidentId protect(ResidentIdNumber id) {
		return new ProtectedResidentId(this.cipher.encrypt(id.value(), RESIDENT_ID), lookupHash(id), id.masked());
	}

	/**
	 * Decrypts a stored ID.
	 * @throws PersonalDataDecryptionException when the key id is unknown, the ciphertext was altered, or it does
	 * not match the stored lookup hash
	 */
	public ResidentIdNumber reveal(ProtectedResidentId stored) {
		String value = this.cipher.decrypt(stored.ciphertext(), RESIDENT_ID);
		requireMatchingHash(value, RESIDENT_ID, stored.lookupHash());
		return new ResidentIdNumber(value);
	}

	/** The keyed hash to query by, e.g. {@code findByResidentIdLookupHash(protector.lookupHash(id))}. */
	public String lookupHash(ResidentIdNumber id) {
		return this.hasher.hash(id.value(), RESIDENT_ID);
	}

	public ProtectedMobilePhone protect(MobilePhoneNumber phone) {
		return new ProtectedMobilePhone(this.cipher.encrypt(phone.value(), MOBILE_PHONE), lookupHash(phone),
				phone.masked());
	}

	/**
	 * Decrypts a stored mobile number.
	 * @throws PersonalDataDecryptionException when the key id is unknown, the ciphertext was altered, or it does
	 * not match the stored lookup hash
	 */
	public MobilePhoneNumber reveal(ProtectedMobilePhone stored) {
		String value = this.cipher.decrypt(stored.ciphertext(), MOBILE_PHONE);
		requireMatchingHash(value, MOBILE_PHONE, stored.lookupHash());
		return new MobilePhoneNumber(value);
	}

	public String lookupHash(MobilePhoneNumber phone) {
		return this.hasher.hash(phone.value(), MOBILE_PHONE);
	}

	/** False when the value was encrypted with an older key: a rotation job re-protects it with protect(reveal(x)). */
	public boolean isEncryptedWithActiveKey(ProtectedResidentId stored) {
		return this.cipher.isEncryptedWithActiveKey(stored.ciphertext());
	}

	/** False when the value was encrypted with an older key: a rotation job re-protects it with protect(reveal(x)). */
	public boolean isEncryptedWithActiveKey(ProtectedMobilePhone stored) {
		return this.cipher.isEncryptedWithActiveKey(stored.ciphertext());
	}

	private void requireMatchingHash(String value, String kind, String storedHash) {
		byte[] expected = this.hasher.hash(value, kind).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = (storedHash != null) ? storedHash.getBytes(StandardCharsets.US_ASCII) : new byte[0];
		if (!MessageDigest.isEqual(expected, actual)) {
			throw new PersonalDataDecryptionException(PersonalDataDecryptionException.Reason.INCONSISTENT,
					"Stored " + kind + " does not match its lookup hash");
		}
	}

}

package org.unionplatform.common.pii;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Fresh random keys per test: no key is written into the code. */
final class TestKeys {

	private TestKeys() {
	}

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	static PersonalDataProtector protector() {
		return PersonalDataProtector.create(Map.of("k1", randomKey()), "k1", randomKey());
	}

}

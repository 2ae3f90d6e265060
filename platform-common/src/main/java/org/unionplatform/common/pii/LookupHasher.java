package org.unionplatform.common.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;

/**
 * HMAC-SHA256 of a normalised value, hex encoded. Keyed, so the hash of a known ID cannot be computed (or a
 * table of all IDs built) without the lookup key; prefixed with the data kind, so an ID and a phone never share
 * a hash.
 */
final class LookupHasher {

	private final PiiKeys keys;

	LookupHasher(PiiKeys keys) {
		this.keys = keys;
	}

	String hash(String normalisedValue, String kind) {
		try {
			// Mac is not thread-safe and cheap to create
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.keys.lookupKey());
			mac.update((kind + '\0').getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 failed", ex);
		}
	}

}

package org.unionplatform.common.pii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one hash of a member QR token (SHA-256, hex): membership-service stores only this, station-service keeps
 * only this of an unverified visit's token and asks membership-service by it. Unkeyed on purpose: a token is 256
 * random bits, so there is nothing to brute-force from its hash, and both services must compute the same value.
 */
public final class QrTokenHash {

	private QrTokenHash() {
	}

	/** The hash of a presented token, surrounding whitespace ignored. */
	public static String of(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(token.strip().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}

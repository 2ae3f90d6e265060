package org.unionplatform.common.pii;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.pii.*}: the keys protecting personal data.
 *
 * @param keys key id to base64 of a 32-byte AES-256 key; keep old ids after rotation so old values decrypt
 * @param activeKeyId the key id new values are encrypted with
 * @param lookupKey base64 of the HMAC-SHA256 key (at least 32 bytes) for lookup hashes; it cannot be rotated
 * without recomputing every stored hash
 * @param allowGeneratedDevKeys when no key is configured, generate development keys instead of failing at
 * startup; only the local launcher and tests set it
 * @param devKeyFile where generated development keys are kept between runs (created on first start); without it
 * they live only as long as the process
 */
@ConfigurationProperties("platform.pii")
public record PiiProperties(Map<String, String> keys, String activeKeyId, String lookupKey,
		boolean allowGeneratedDevKeys, Path devKeyFile) {

	public PiiProperties {
		keys = (keys != null) ? Map.copyOf(keys) : Map.of();
	}

	boolean hasNoKeyMaterial() {
		return this.keys.isEmpty() && isBlank(this.activeKeyId) && isBlank(this.lookupKey);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** Never prints key material. */
	@Override
	public String toString() {
		return "PiiProperties[keyIds=" + this.keys.keySet() + ", activeKeyId=" + this.activeKeyId
				+ ", allowGeneratedDevKeys=" + this.allowGeneratedDevKeys + ", devKeyFile=" + this.devKeyFile + "]";
	}

}

package org.unionplatform.common.pii;

import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The stored form of a resident ID number, embedded in a service's MongoDB document:
 * <ul>
 * <li>{@code ciphertext}: AES-256-GCM, {@code v1:<key id>:<base64>}; only {@link PersonalDataProtector#reveal}
 * turns it back into the number;</li>
 * <li>{@code lookupHash}: keyed HMAC-SHA256 of the number, for exact lookups and a unique index (one person, one
 * record);</li>
 * <li>{@code masked}: for display without decrypting.</li>
 * </ul>
 * JSON and {@link #toString()} show only the mask, never the ciphertext or the hash.
 */
@JsonSerialize(using = MaskedPersonalDataSerializer.class)
@Schema(type = "string", description = "Masked resident ID number", example = "110***********002X")
public record ProtectedResidentId(String ciphertext, String lookupHash, String masked) implements MaskedPersonalData {

	public ProtectedResidentId {
		Objects.requireNonNull(ciphertext, "ciphertext");
		Objects.requireNonNull(lookupHash, "lookupHash");
		Objects.requireNonNull(masked, "masked");
	}

	@Override
	public String toString() {
		return this.masked;
	}

}

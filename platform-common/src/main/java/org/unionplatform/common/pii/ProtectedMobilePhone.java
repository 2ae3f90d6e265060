package org.unionplatform.common.pii;

import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The stored form of a mobile number, embedded in a service's MongoDB document: AES-256-GCM {@code ciphertext},
 * keyed {@code lookupHash} for exact lookups, and the {@code masked} form for display. JSON and
 * {@link #toString()} show only the mask.
 */
@JsonSerialize(using = MaskedPersonalDataSerializer.class)
@Schema(type = "string", description = "Masked mobile number", example = "138****5678")
public record ProtectedMobilePhone(String ciphertext, String lookupHash, String masked) implements MaskedPersonalData {

	public ProtectedMobilePhone {
		Objects.requireNonNull(ciphertext, "ciphertext");
		Objects.requireNonNull(lookupHash, "lookupHash");
		Objects.requireNonNull(masked, "masked");
	}

	@Override
	public String toString() {
		return this.masked;
	}

}

package org.unionplatform.common.pii;

import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A mainland mobile number, normalised to its 11 digits ({@code 1[3-9]xxxxxxxxx}). Input may carry a {@code +86}
 * or {@code 86} country prefix and spaces or dashes ({@code +86 138-1234-5678}).
 * <p>
 * {@link #value()} is the full number: use it only to encrypt it or to send an SMS. {@link #toString()} and JSON
 * show only the {@link #masked() mask}. Store a {@link ProtectedMobilePhone}, never this type.
 */
@JsonSerialize(using = MaskedPersonalDataSerializer.class)
@Schema(type = "string", description = "Masked mobile number", example = "138****5678")
public record MobilePhoneNumber(String value) implements MaskedPersonalData {

	private static final int LENGTH = 11;

	/**
	 * Validates and normalises.
	 * @throws InvalidMobilePhoneException naming the reason
	 */
	public MobilePhoneNumber {
		String digits = normalise(value);
		problemWithNormalised(value, digits).ifPresent(problem -> {
			throw new InvalidMobilePhoneException(problem);
		});
		value = digits;
	}

	/**
	 * Parses, validates and normalises a mobile number.
	 * @throws InvalidMobilePhoneException naming the reason
	 */
	public static MobilePhoneNumber parse(String text) {
		return new MobilePhoneNumber(text);
	}

	/** The reason {@code text} is not a mainland mobile number, or empty if it is one. */
	public static Optional<MobilePhoneProblem> problemWith(String text) {
		return problemWithNormalised(text, normalise(text));
	}

	/** The masked form of 11 digits, hiding the middle four: {@code 138****5678}. */
	public static String mask(String elevenDigits) {
		return elevenDigits.substring(0, 3) + "****" + elevenDigits.substring(7);
	}

	@Override
	public String masked() {
		return mask(this.value);
	}

	@Override
	public String toString() {
		return masked();
	}

	/** Drops separators and the country prefix; what is left should be the 11 digits. */
	private static String normalise(String text) {
		if (text == null) {
			return null;
		}
		String compact = text.strip().replace(" ", "").replace("-", "");
		if (compact.startsWith("+86")) {
			return compact.substring(3);
		}
		if (compact.startsWith("86") && compact.length() == LENGTH + 2) {
			return compact.substring(2);
		}
		return compact;
	}

	private static Optional<MobilePhoneProblem> problemWithNormalised(String text, String digits) {
		if (text == null || digits.isEmpty()) {
			return Optional.of(MobilePhoneProblem.MISSING);
		}
		if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.of(MobilePhoneProblem.CHARACTERS);
		}
		if (digits.length() != LENGTH) {
			return Optional.of(MobilePhoneProblem.LENGTH);
		}
		if (digits.charAt(0) != '1' || digits.charAt(1) < '3') {
			return Optional.of(MobilePhoneProblem.NOT_MOBILE);
		}
		return Optional.empty();
	}

}

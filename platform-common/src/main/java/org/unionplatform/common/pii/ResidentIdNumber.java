package org.unionplatform.common.pii;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.time.ChinaTime;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A mainland resident ID number (居民身份证号码, GB 11643-1999, 18 characters), validated and normalised (a
 * lowercase check character {@code x} becomes {@code X}).
 * <p>
 * {@link #value()} is the full number: use it only to encrypt it ({@link PersonalDataProtector}) or for an
 * authorised display. {@link #toString()} and JSON show only the {@link #masked() mask}. Never store this type in
 * a document: store a {@link ProtectedResidentId}.
 */
@JsonSerialize(using = MaskedPersonalDataSerializer.class)
@Schema(type = "string", description = "Masked resident ID number", example = "110***********002X")
public record ResidentIdNumber(String value) implements MaskedPersonalData {

	/** Dates are judged in China's time zone: a number born "today" in Beijing is valid everywhere. */
	private static final ZoneId CHINA = ChinaTime.ZONE;

	/** No living worker was born before 1900; an earlier date is a typo. */
	public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private static final int LENGTH = 18;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARACTERS = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * Validates against today's date in China.
	 * @throws InvalidResidentIdException naming the reason
	 */
	public ResidentIdNumber {
		value = normalise(value);
		problemWith(value, Clock.system(CHINA)).ifPresent(problem -> {
			throw new InvalidResidentIdException(problem);
		});
	}

	/**
	 * Parses and validates a resident ID number.
	 * @throws InvalidResidentIdException naming the reason
	 */
	public static ResidentIdNumber parse(String text) {
		return new ResidentIdNumber(text);
	}

	/** The reason {@code text} is not a valid resident ID number today in China, or empty if it is valid. */
	public static Optional<ResidentIdProblem> problemWith(String text) {
		return problemWith(normalise(text), Clock.system(CHINA));
	}

	/**
	 * The GB 11643 check character for the first 17 digits: the sum of digit x weight, mod 11, mapped to
	 * {@code 1 0 X 9 8 7 6 5 4 3 2}.
	 */
	public static char checkCharacterFor(CharSequence first17Digits) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += Character.digit(first17Digits.charAt(i), 10) * WEIGHTS[i];
		}
		return CHECK_CHARACTERS[sum % 11];
	}

	/** True when {@code candidate} is 17 digits plus a matching check character (no date or region rules). */
	public static boolean hasValidCheckCharacter(CharSequence candidate) {
		if (candidate.length() != LENGTH || !digitsOnly(candidate, 0, LENGTH - 1)) {
			return false;
		}
		return Character.toUpperCase(candidate.charAt(LENGTH - 1)) == checkCharacterFor(candidate);
	}

	/**
	 * A note for the staff when the address code (first 6 digits) is not a current GB/T 2260 code of a province
	 * the shipped places cover: IDs keep the code of the county where they were first issued, which may since have
	 * been retired or renamed (e.g. 610121, 长安县, now 610116). The number is valid all the same.
	 */
	public Optional<String> regionNote() {
		String region = this.value.substring(0, 6);
		Places places = Places.shipped();
		if (!places.covers(region) || places.find(region).isPresent()) {
			return Optional.empty();
		}
		return Optional.of("身份证地址码不在现行行政区划代码中（可能是旧证件上已撤销或更名的县级代码），已按有效证件受理");
	}

	/** The masked form, keeping the first 3 and last 4 characters: {@code 110***********002X}. */
	public static String mask(String fullNumber) {
		return fullNumber.substring(0, 3) + "*".repeat(fullNumber.length() - 7)
				+ fullNumber.substring(fullNumber.length() - 4);
	}

	public LocalDate birthDate() {
		return LocalDate.parse(this.value.substring(6, 14), BIRTH_DATE);
	}

	/** From the 17th character, the sequence number's last digit: odd for men, even for women. */
	public Gender gender() {
		return Character.digit(this.value.charAt(16), 10) % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	@Override
	public String masked() {
		return mask(this.value);
	}

	@Override
	public String toString() {
		return masked();
	}

	private static String normalise(String text) {
		return (text != null) ? text.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static Optional<ResidentIdProblem> problemWith(String value, Clock clock) {
		if (value == null || value.isEmpty()) {
			return Optional.of(ResidentIdProblem.MISSING);
		}
		if (value.length() != LENGTH) {
			return Optional.of(ResidentIdProblem.LENGTH);
		}
		char last = value.charAt(LENGTH - 1);
		if (!digitsOnly(value, 0, LENGTH - 1) || !(isAsciiDigit(last) || last == 'X')) {
			return Optional.of(ResidentIdProblem.CHARACTERS);
		}
		// the check character first: any single mistyped digit is reported as what it is, a typo
		if (last != checkCharacterFor(value)) {
			return Optional.of(ResidentIdProblem.CHECK_CHARACTER);
		}
		// Only the province is checked: a county code an old ID was issued under may since have been retired
		// (regionNote says so), and every province prefix ever assigned is still in GB/T 2260.
		if (!DivisionCodes.isProvincePrefix(value.substring(0, 2))) {
			return Optional.of(ResidentIdProblem.REGION);
		}
		if (!isPlausibleBirthDate(value.substring(6, 14), clock)) {
			return Optional.of(ResidentIdProblem.BIRTH_DATE);
		}
		return Optional.empty();
	}

	private static boolean isPlausibleBirthDate(String yyyyMMdd, Clock clock) {
		try {
			LocalDate date = LocalDate.parse(yyyyMMdd, BIRTH_DATE);
			return !date.isBefore(EARLIEST_BIRTH_DATE) && !date.isAfter(LocalDate.now(clock.withZone(CHINA)));
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean digitsOnly(CharSequence text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isAsciiDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

}

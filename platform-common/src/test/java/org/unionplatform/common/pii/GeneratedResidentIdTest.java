package org.unionplatform.common.pii;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random checks: a failure reproduces with the same seed. */
class GeneratedResidentIdTest {

	private static final long SEED = 11643L;

	private static final int COUNT = 1_000;

	@Test
	void generatedValidNumbersValidateAndDeriveTheirBirthDate() {
		Random random = new Random(SEED);
		for (int i = 0; i < COUNT; i++) {
			String number = ResidentIds.random(random);

			ResidentIdNumber id = ResidentIdNumber.parse(number);

			assertThat(id.value()).isEqualTo(number);
			assertThat(id.birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
				.isEqualTo(number.substring(6, 14));
			assertThat(id.masked()).startsWith(number.substring(0, 3)).endsWith(number.substring(14));
		}
	}

	@Test
	void generatedNumbersRoundTripThroughEncryption() {
		Random random = new Random(SEED);
		PersonalDataProtector protector = TestKeys.protector();
		for (int i = 0; i < COUNT; i++) {
			ResidentIdNumber id = ResidentIdNumber.parse(ResidentIds.random(random));

			assertThat(protector.reveal(protector.protect(id))).isEqualTo(id);
		}
	}

	@Test
	void changingAnyOneDigitBreaksTheCheckCharacter() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < COUNT; i++) {
			char[] number = ResidentIds.random(random).toCharArray();
			int position = random.nextInt(17);
			int original = number[position] - '0';
			number[position] = (char) ('0' + (original + 1 + random.nextInt(9)) % 10);

			assertThat(ResidentIdNumber.problemWith(new String(number)))
				.as("digit %d changed in %s", position, new String(number))
				.contains(ResidentIdProblem.CHECK_CHARACTER);
		}
	}

}

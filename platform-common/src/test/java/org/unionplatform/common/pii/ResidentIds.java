package org.unionplatform.common.pii;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/** Builds resident ID numbers for tests: the check character is computed, never copied. */
final class ResidentIds {

	private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

	private ResidentIds() {
	}

	/** The 17 digits plus their correct check character. */
	static String withCheckCharacter(String first17) {
		return first17 + ResidentIdNumber.checkCharacterFor(first17);
	}

	static String bornOn(LocalDate birthDate) {
		return withCheckCharacter("110105" + birthDate.format(YYYYMMDD) + "123");
	}

	private static final String[] PROVINCES = { "11", "31", "44", "51", "62", "65" };

	/** A valid number: a real province, any county digits, a birth date from 1900 to a year ago, any sequence. */
	static String random(Random random) {
		String region = PROVINCES[random.nextInt(PROVINCES.length)] + String.format("%04d", random.nextInt(10_000));
		LocalDate earliest = ResidentIdNumber.EARLIEST_BIRTH_DATE;
		long days = ChronoUnit.DAYS.between(earliest, LocalDate.now(org.unionplatform.common.time.ChinaTime.ZONE).minusYears(1));
		LocalDate birthDate = earliest.plusDays(random.nextLong(days));
		String sequence = String.format("%03d", random.nextInt(1000));
		return withCheckCharacter(region + birthDate.format(YYYYMMDD) + sequence);
	}

}

package org.unionplatform.common.pii;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTest {

	@Test
	void acceptsTheStandardExampleAndDerivesBirthDateAndGender() {
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.gender()).isEqualTo(Gender.FEMALE);
	}

	@ParameterizedTest
	@CsvSource({ "110105199003071239, 1990-03-07, MALE", "440304198511202246, 1985-11-20, FEMALE",
			"320106200002291011, 2000-02-29, MALE" })
	void derivesBirthDateAndGenderFromComputedExamples(String number, LocalDate birthDate, Gender gender) {
		ResidentIdNumber id = ResidentIdNumber.parse(number);

		assertThat(id.birthDate()).isEqualTo(birthDate);
		assertThat(id.gender()).isEqualTo(gender);
	}

	@Test
	void normalisesALowercaseCheckCharacterAndSurroundingSpaces() {
		ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x ");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id).isEqualTo(ResidentIdNumber.parse("11010519491231002X"));
	}

	@Test
	void masksAllButTheFirstThreeAndLastFourCharacters() {
		assertThat(ResidentIdNumber.parse("11010519491231002X").masked()).isEqualTo("110***********002X");
	}

	@Test
	void toStringShowsOnlyTheMask() {
		ResidentIdNumber id = ResidentIdNumber.parse("110105199003071239");

		assertThat(id.toString()).isEqualTo("110***********1239").doesNotContain("19900307");
		assertThat("" + java.util.List.of(id)).doesNotContain("110105199003071239");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "NULL", value = { "NULL, MISSING", "'', MISSING", "'   ', MISSING",
			"1101051949123100, LENGTH", "11010519491231002X1, LENGTH", "1101051949123100AX, CHARACTERS",
			"11010519491231002Y, CHARACTERS", "11010519491231002X, ", "110105194912310021, CHECK_CHARACTER",
			"11010519491231002０, CHARACTERS" })
	void namesTheReasonANumberIsInvalid(String text, ResidentIdProblem expected) {
		if (expected == null) {
			assertThat(ResidentIdNumber.problemWith(text)).isEmpty();
			return;
		}
		assertThat(ResidentIdNumber.problemWith(text)).contains(expected);
		assertThatThrownBy(() -> ResidentIdNumber.parse(text)).isInstanceOf(InvalidResidentIdException.class)
			.satisfies(ex -> assertThat(((InvalidResidentIdException) ex).problem()).isEqualTo(expected))
			.hasMessageContaining(expected.description());
	}

	@Test
	void rejectsARegionCodeOutsideTheMainlandRange() {
		assertThat(ResidentIdNumber.problemWith(ResidentIds.withCheckCharacter("01010519900307123")))
			.contains(ResidentIdProblem.REGION);
		assertThat(ResidentIdNumber.problemWith(ResidentIds.withCheckCharacter("91010519900307123")))
			.contains(ResidentIdProblem.REGION);
		assertThat(ResidentIdNumber.problemWith(ResidentIds.withCheckCharacter("19010519900307123")))
			.as("19 is no province of GB/T 2260")
			.contains(ResidentIdProblem.REGION);
	}

	@Test
	void aRetiredCountyCodeOfAnOldIdIsAcceptedWithANote() {
		var retired = ResidentIdNumber.parse(ResidentIds.withCheckCharacter("61012119800307123"));
		assertThat(retired.regionNote()).hasValueSatisfying(note -> assertThat(note).contains("旧证件"));
		assertThat(ResidentIdNumber.parse(ResidentIds.withCheckCharacter("61011619800307123")).regionNote()).isEmpty();
		assertThat(ResidentIdNumber.parse(ResidentIds.withCheckCharacter("11010519800307123")).regionNote())
			.as("no places data for Beijing: nothing to compare with")
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "11010519900230123", "11010519901301123", "11010519900000123", "11010519000229123" })
	void rejectsADateThatIsNotOnTheCalendar(String first17) {
		assertThat(ResidentIdNumber.problemWith(ResidentIds.withCheckCharacter(first17)))
			.contains(ResidentIdProblem.BIRTH_DATE);
	}

	@Test
	void rejectsBirthDatesBefore1900IncludingTheOld1880Example() {
		assertThat(ResidentIdNumber.problemWith("440524188001010014")).contains(ResidentIdProblem.BIRTH_DATE);
		assertThat(ResidentIdNumber.problemWith(ResidentIds.bornOn(LocalDate.of(1899, 12, 31))))
			.contains(ResidentIdProblem.BIRTH_DATE);
		assertThat(ResidentIdNumber.problemWith(ResidentIds.bornOn(LocalDate.of(1900, 1, 1)))).isEmpty();
	}

	@Test
	void rejectsABirthDateInTheFutureInChina() {
		LocalDate todayInChina = LocalDate.now(org.unionplatform.common.time.ChinaTime.ZONE);

		assertThat(ResidentIdNumber.problemWith(ResidentIds.bornOn(todayInChina.plusDays(2))))
			.contains(ResidentIdProblem.BIRTH_DATE);
		assertThat(ResidentIdNumber.problemWith(ResidentIds.bornOn(todayInChina.minusDays(1)))).isEmpty();
	}

	@Test
	void exceptionMessagesNeverContainTheValue() {
		assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021"))
			.hasMessageNotContaining("110105194912310021")
			.hasMessageNotContaining("19491231");
	}

}

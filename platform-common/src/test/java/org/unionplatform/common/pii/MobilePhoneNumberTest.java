package org.unionplatform.common.pii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobilePhoneNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "+8613812345678", "8613812345678", "+86 138 1234 5678",
			"138-1234-5678", " +86-138-1234-5678 " })
	void normalisesPrefixesSpacesAndDashesToElevenDigits(String text) {
		assertThat(MobilePhoneNumber.parse(text).value()).isEqualTo("13812345678");
	}

	@Test
	void masksTheMiddleFourDigits() {
		MobilePhoneNumber phone = MobilePhoneNumber.parse("13812345678");

		assertThat(phone.masked()).isEqualTo("138****5678");
		assertThat(phone.toString()).isEqualTo("138****5678");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "NULL", value = { "NULL, MISSING", "'  ', MISSING", "+86, MISSING",
			"1381234567a, CHARACTERS", "(138)12345678, CHARACTERS", "1381234567, LENGTH", "138123456789, LENGTH",
			"12812345678, NOT_MOBILE", "23812345678, NOT_MOBILE", "+8612812345678, NOT_MOBILE" })
	void namesTheReasonANumberIsInvalid(String text, MobilePhoneProblem expected) {
		assertThat(MobilePhoneNumber.problemWith(text)).contains(expected);
		assertThatThrownBy(() -> MobilePhoneNumber.parse(text)).isInstanceOf(InvalidMobilePhoneException.class)
			.satisfies(ex -> assertThat(((InvalidMobilePhoneException) ex).problem()).isEqualTo(expected))
			.hasMessageNotContaining("1381234567");
	}

	@Test
	void acceptsEveryMobilePrefixFrom13To19() {
		for (char second = '3'; second <= '9'; second++) {
			assertThat(MobilePhoneNumber.problemWith("1" + second + "012345678")).isEmpty();
		}
	}

}

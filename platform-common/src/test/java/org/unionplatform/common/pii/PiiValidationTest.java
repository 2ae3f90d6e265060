package org.unionplatform.common.pii;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiValidationTest {

	record JoinRequest(@ResidentId String residentId, @MobilePhone String phone) {
	}

	private static ValidatorFactory english;

	private static ValidatorFactory chinese;

	@BeforeAll
	static void createValidators() {
		english = factory(Locale.ENGLISH);
		chinese = factory(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterAll
	static void closeValidators() {
		english.close();
		chinese.close();
	}

	@Test
	void validValuesPass() {
		assertThat(english.getValidator().validate(new JoinRequest("11010519491231002x", "+86 138-1234-5678")))
			.isEmpty();
	}

	@Test
	void absentValuesAreLeftToNotNull() {
		assertThat(english.getValidator().validate(new JoinRequest(null, null))).isEmpty();
	}

	@Test
	void eachInvalidIdNamesItsReason() {
		Validator validator = english.getValidator();

		assertThat(message(validator, "1101051949123100")).isEqualTo("a resident ID number must have 18 characters");
		assertThat(message(validator, "1101051949123100AX")).contains("17 digits");
		assertThat(message(validator, "110105194912310021")).contains("check character");
		assertThat(message(validator, ResidentIds.withCheckCharacter("91010519900307123"))).contains("province code");
		assertThat(message(validator, ResidentIds.withCheckCharacter("11010519900230123"))).contains("birth date");
		assertThat(message(validator, "")).isEqualTo("resident ID number is missing");
	}

	@Test
	void messagesAreInChineseForChineseUsers() {
		Validator validator = chinese.getValidator();

		assertThat(message(validator, "110105194912310021")).isEqualTo("居民身份证号码校验位（最后一位）不正确，请检查是否输错");
		assertThat(message(validator, "1101051949123100")).isEqualTo("居民身份证号码应为18位");
		Set<ConstraintViolation<JoinRequest>> violations = validator.validate(new JoinRequest(null, "12812345678"));
		assertThat(violations).extracting(ConstraintViolation::getMessage)
			.containsExactly("不是中国大陆手机号码（应以13至19开头）");
	}

	@Test
	void eachInvalidPhoneNamesItsReason() {
		Validator validator = english.getValidator();

		assertThat(phoneMessage(validator, "1381234567")).isEqualTo("a mainland mobile number must have 11 digits");
		assertThat(phoneMessage(validator, "138x1234567")).contains("only digits");
		assertThat(phoneMessage(validator, "12812345678")).contains("starts with 13 to 19");
	}

	@Test
	void violationsNeverEchoTheRejectedValueInTheMessage() {
		assertThat(message(english.getValidator(), "110105194912310021")).doesNotContain("110105194912310021");
	}

	private static String message(Validator validator, String residentId) {
		Set<ConstraintViolation<JoinRequest>> violations = validator.validate(new JoinRequest(residentId, null));
		assertThat(violations).hasSize(1);
		ConstraintViolation<JoinRequest> violation = violations.iterator().next();
		assertThat(violation.getPropertyPath()).hasToString("residentId");
		return violation.getMessage();
	}

	private static String phoneMessage(Validator validator, String phone) {
		Set<ConstraintViolation<JoinRequest>> violations = validator.validate(new JoinRequest(null, phone));
		assertThat(violations).hasSize(1);
		return violations.iterator().next().getMessage();
	}

	private static ValidatorFactory factory(Locale locale) {
		return Validation.byProvider(HibernateValidator.class).configure().defaultLocale(locale)
			.buildValidatorFactory();
	}

}

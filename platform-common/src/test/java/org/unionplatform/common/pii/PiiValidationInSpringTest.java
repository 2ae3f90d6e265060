package org.unionplatform.common.pii;

import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's validator resolves messages through the MessageSource and the request's locale: ours must survive it. */
class PiiValidationInSpringTest {

	record JoinRequest(@ResidentId String residentId) {
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MessageSourceAutoConfiguration.class, ValidationAutoConfiguration.class));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aChineseRequestGetsTheChineseReason() {
		this.contextRunner.run(context -> {
			LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

			assertThat(context.getBean(Validator.class).validate(new JoinRequest("110105194912310021")))
				.extracting(ConstraintViolation::getMessage)
				.containsExactly("居民身份证号码校验位（最后一位）不正确，请检查是否输错");
		});
	}

	@Test
	void anEnglishRequestGetsTheEnglishReason() {
		this.contextRunner.run(context -> {
			LocaleContextHolder.setLocale(Locale.ENGLISH);

			assertThat(context.getBean(Validator.class).validate(new JoinRequest("1101051949123100")))
				.extracting(ConstraintViolation::getMessage)
				.containsExactly("a resident ID number must have 18 characters");
		});
	}

}

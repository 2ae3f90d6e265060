package org.unionplatform.common.pii;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports the specific reason a number is invalid instead of the annotation's generic message. */
public final class MobilePhoneValidator implements ConstraintValidator<MobilePhone, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		return MobilePhoneNumber.problemWith(value).map(problem -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.messageTemplate()).addConstraintViolation();
			return false;
		}).orElse(true);
	}

}

package org.unionplatform.common.pii;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports the specific reason an ID is invalid instead of the annotation's generic message. */
public final class ResidentIdValidator implements ConstraintValidator<ResidentId, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		return ResidentIdNumber.problemWith(value).map(problem -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.messageTemplate()).addConstraintViolation();
			return false;
		}).orElse(true);
	}

}

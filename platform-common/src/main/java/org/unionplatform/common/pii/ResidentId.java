package org.unionplatform.common.pii;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string must be a valid resident ID number (see {@link ResidentIdNumber}). The violation message
 * names the reason (length, characters, check character, region, birth date). {@code null} is valid: add
 * {@code @NotNull} when the number is required.
 */
@Documented
@Constraint(validatedBy = ResidentIdValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentId {

	String message() default "{org.unionplatform.common.pii.ResidentId.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

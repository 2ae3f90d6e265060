package org.unionplatform.common.pii;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string must be a mainland mobile number (see {@link MobilePhoneNumber}; {@code +86}, spaces and
 * dashes are accepted). The violation message names the reason. {@code null} is valid: add {@code @NotNull} when
 * the number is required.
 */
@Documented
@Constraint(validatedBy = MobilePhoneValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MobilePhone {

	String message() default "{org.unionplatform.common.pii.MobilePhone.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

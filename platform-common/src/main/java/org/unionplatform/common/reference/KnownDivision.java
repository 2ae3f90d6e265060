package org.unionplatform.common.reference;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A place code that exists: a 6-digit GB/T 2260 division or a 9-digit township code (统计用区划代码). In a
 * province the shipped place data covers, it must be listed there (610199 is refused); elsewhere its shape is
 * checked ({@link DivisionCodes}). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = KnownDivision.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownDivision {

    String message() default "is not a known place: a GB/T 2260 division code (6 digits) or a township code"
            + " (9 digits) listed in GET /api/organizations/places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownDivision, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Places.shipped().isKnown(value);
        }
    }
}

package org.unionplatform.organization.place;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.unionplatform.organization.reference.DivisionCodes;

/**
 * A GB/T 2260 division code that exists: in a province the shipped place data covers, it must be listed there
 * (610199 is refused); elsewhere its shape is checked ({@link DivisionCodes}). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = KnownDivision.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownDivision {

    String message() default "is not a GB/T 2260 division code of a province, city or county"
            + " (see GET /api/organizations/places)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownDivision, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!DivisionCodes.isValid(value)) {
                return false;
            }
            Places places = Places.shipped();
            return !places.covers(value) || places.find(value).isPresent();
        }
    }
}

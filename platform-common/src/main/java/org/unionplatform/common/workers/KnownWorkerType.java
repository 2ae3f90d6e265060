package org.unionplatform.common.workers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A worker type from the configured list ({@link WorkerTypes}); null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = KnownWorkerType.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownWorkerType {

    String message() default "is not a known worker type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring creates constraint validators as beans, so the configured list is injected. */
    class Validator implements ConstraintValidator<KnownWorkerType, String> {

        private final WorkerTypes workerTypes;

        public Validator(WorkerTypes workerTypes) {
            this.workerTypes = workerTypes;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || workerTypes.isKnown(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is not a known worker type; known: " + workerTypes.codes())
                    .addConstraintViolation();
            return false;
        }
    }
}

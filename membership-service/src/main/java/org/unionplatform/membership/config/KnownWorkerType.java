package org.unionplatform.membership.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value must be one of the configured worker type codes ({@code membership.worker-types}); null is valid. */
@Documented
@Constraint(validatedBy = KnownWorkerTypeValidator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownWorkerType {

    String message() default "is not a known worker type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

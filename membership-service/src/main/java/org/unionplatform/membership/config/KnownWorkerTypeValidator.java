package org.unionplatform.membership.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Built by Spring's validator factory, so the configured list is injected. */
public class KnownWorkerTypeValidator implements ConstraintValidator<KnownWorkerType, String> {

    private final WorkerTypes workerTypes;

    public KnownWorkerTypeValidator(WorkerTypes workerTypes) {
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

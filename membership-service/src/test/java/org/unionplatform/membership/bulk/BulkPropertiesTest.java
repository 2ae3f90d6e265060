package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class BulkPropertiesTest {

    private static final ClassPathResource VOCABULARY =
            new ClassPathResource("bulk/roster-vocabulary.properties");

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aFileOfAHundredThousandRowsIsTheMostThatCanBeConfigured() {
        assertThat(validator.validate(new BulkProperties(1000, 100_000, Path.of("spool"), VOCABULARY, null, 5))).isEmpty();
        assertThat(validator.validate(new BulkProperties(1000, 100_001, Path.of("spool"), VOCABULARY, null, 5)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("maxRows");
    }
}

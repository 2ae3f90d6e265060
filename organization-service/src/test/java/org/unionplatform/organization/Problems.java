package org.unionplatform.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.http.HttpStatus;
import org.unionplatform.common.web.PlatformProblemException;

/** Asserts that a call is refused with a problem of the given status and rule, as the API would answer it. */
public final class Problems {

    private Problems() {
    }

    public static void assertRefused(ThrowingCallable call, HttpStatus status, String rule) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(PlatformProblemException.class);
        PlatformProblemException problem = (PlatformProblemException) thrown;
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.properties()).containsEntry("rule", rule);
    }
}

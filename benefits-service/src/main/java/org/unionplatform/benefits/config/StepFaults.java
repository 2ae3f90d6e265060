package org.unionplatform.benefits.config;

import org.springframework.stereotype.Component;

/**
 * The points between the single-document steps of a multi-step write (docs/benefits.md, "Crash points"). In
 * production every point passes; the crash tests replace this bean with one that stops the process's work at a
 * named point, as a crash would, to prove that the next attempt or the recovery sweep finishes or undoes it.
 */
@Component
public class StepFaults {

    /** Called once the step before {@code point} is stored. */
    public void reached(String point) {
        // Production: nothing happens between steps.
    }
}

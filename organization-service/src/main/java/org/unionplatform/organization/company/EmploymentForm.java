package org.unionplatform.organization.company;

import java.util.Arrays;
import java.util.Optional;

/** How a company employs its gig workers, as the surveys record it (用工形式). */
public enum EmploymentForm {
    LABOUR_CONTRACT("劳动合同"),
    LABOUR_DISPATCH("劳务派遣"),
    OUTSOURCING("业务外包"),
    CROWDSOURCING("众包"),
    PARTNERSHIP("合作承包"),
    MIXED("多种形式");

    private final String label;

    EmploymentForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label. */
    static Optional<EmploymentForm> resolve(String value) {
        String v = value.strip();
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(v) || f.label.equals(v)).findFirst();
    }
}

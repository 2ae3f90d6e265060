package org.unionplatform.organization.company;

/** The union-building pipeline of a company, in order; a company moves one step forward at a time. */
public enum CompanyStatus {
    SURVEYED("已摸排"),
    GUIDED("指导促建"),
    PREPARING("筹建中"),
    ESTABLISHED("已建会");

    private final String label;

    CompanyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isNextAfter(CompanyStatus current) {
        return ordinal() == current.ordinal() + 1;
    }
}

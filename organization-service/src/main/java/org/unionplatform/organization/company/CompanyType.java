package org.unionplatform.organization.company;

/** Where gig workers work (docs/organizations.md): platforms, the companies around them, and their outlets. */
public enum CompanyType {
    PLATFORM("平台企业"),
    PARTNER("合作企业"),
    AGENCY("代理商"),
    FRANCHISE("加盟商"),
    LABOUR_DISPATCH("劳务派遣公司"),
    OUTLET("站点/网点");

    private final String label;

    CompanyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.unionplatform.membership.help;

/** What a worker asks help with; the label is what pages, reports and demo data say. */
public enum CaseKind {
    UNPAID_PAY("欠薪"),
    PLATFORM_PENALTY("平台罚款与扣款"),
    ACCOUNT_BLOCKED("账号被封"),
    WORK_INJURY("工伤与事故"),
    PARTNER_DISPUTE("与合作商或代理商的纠纷"),
    SOCIAL_INSURANCE("社会保险"),
    OTHER("其他");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

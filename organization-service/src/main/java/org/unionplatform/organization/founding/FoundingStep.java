package org.unionplatform.organization.founding;

/**
 * The fixed steps of founding a union (docs/organizations.md), in the order they must be done: the founding
 * meeting and its election, the approval of the union one level up (from which the union exists), then the
 * legal-person certificate and the bank account.
 */
public enum FoundingStep {
    IMPLEMENTATION_PLAN("制定建会工作实施方案"),
    MEMBER_REGISTRATION("会员登记"),
    ASSEMBLY_NOTICE("下发会员（代表）大会通知"),
    ELECTION_RULES("制定选举办法"),
    CANDIDATE_NOMINATION("委员候选人推荐"),
    VOTE_COUNT("计票"),
    /** The union one level up approves the election (Trade Union Law art. 11): from now on the union exists. */
    UNION_APPROVAL("上级工会批准"),
    ONLINE_REGISTRATION("网上实名制注册"),
    LEGAL_PERSON_CERTIFICATE("工会法人资格证书办理"),
    BANK_ACCOUNT("银行开立账户");

    private final String label;

    FoundingStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isLast() {
        return ordinal() == values().length - 1;
    }
}

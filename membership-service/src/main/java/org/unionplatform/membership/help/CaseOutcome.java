package org.unionplatform.membership.help;

/** How a case ended. */
public enum CaseOutcome {
    /** Settled: the pay came, the penalty was lifted, the account unblocked... (amount recovered, if money). */
    RESOLVED,
    /** Not settled by mediation: taken to labour arbitration or court, with the union's legal aid. */
    REFERRED_TO_ARBITRATION_OR_COURT,
    /** The worker withdrew it. */
    WITHDRAWN
}

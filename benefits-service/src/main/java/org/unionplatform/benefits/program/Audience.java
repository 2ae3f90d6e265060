package org.unionplatform.benefits.program;

import java.util.Set;

import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * Whom a program serves: its members (the default), or every gig worker, members or not. Unions serve first so
 * workers want to join: a gift pack (a seasonal campaign) may reach workers who are not members yet; insurance,
 * hardship grants and welcome packs are what membership gives and stay for members.
 */
public enum Audience {
    MEMBERS,
    ALL_WORKERS;

    /** The kinds that may serve every worker. */
    static final Set<String> OPEN_KINDS = Set.of("SEASONAL_CAMPAIGN");

    /** 422 {@code program-audience} when a program of {@code kind} may not serve non-members. */
    void requireAllowedFor(String kind) {
        if (this == ALL_WORKERS && !OPEN_KINDS.contains(kind)) {
            throw new BusinessRuleViolationException("program-audience",
                    "Only gift packs (" + OPEN_KINDS + ") may serve workers who are not members; " + kind
                            + " serves members.");
        }
    }
}

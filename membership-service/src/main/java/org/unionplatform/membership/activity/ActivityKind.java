package org.unionplatform.membership.activity;

/** What an activity is; the Chinese names are the pages' business. */
public enum ActivityKind {
    JOINING_CEREMONY,
    CULTURE_SPORTS,
    ANTI_FRAUD_TALK,
    TRAFFIC_SAFETY_TALK,
    HEALTH_CHECK,
    JOB_FAIR,
    MATCHMAKING,
    VOLUNTEER
}

package org.unionplatform.membership.member;

/** Why a member is registered as in hardship (困难原因). */
public enum HardshipReason {
    /** 因病 */
    ILLNESS,
    /** 因伤（工伤或交通事故） */
    INJURY,
    /** 家庭困难 */
    FAMILY,
    /** 其他 */
    OTHER
}

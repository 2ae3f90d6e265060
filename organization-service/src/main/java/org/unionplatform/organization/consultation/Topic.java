package org.unionplatform.organization.consultation;

/** What a consultation round is about. */
enum Topic {
    /** 劳动定额与用工规则 */
    LABOUR_STANDARDS,
    /** 算法与派单规则 */
    ALGORITHMS,
    /** 休息休假 */
    REST,
    /** 劳动报酬 */
    PAY,
    /** 劳动安全 */
    SAFETY
}

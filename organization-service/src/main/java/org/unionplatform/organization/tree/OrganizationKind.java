package org.unionplatform.organization.tree;

import org.unionplatform.common.reference.DivisionCodes.Level;

/** The kinds of union organisation (docs/organizations.md), with the division level a regional federation must have. */
public enum OrganizationKind {
    PROVINCE_FEDERATION("省总工会", Level.PROVINCE),
    CITY_FEDERATION("市总工会", Level.CITY),
    DISTRICT_FEDERATION("区县总工会", Level.COUNTY),
    /** Streets and towns sit below GB/T 2260: they carry the statistics bureau's 9-digit township code. */
    STREET_FEDERATION("街道（镇）工会", Level.TOWNSHIP),
    INDUSTRY_FEDERATION("行业工会联合会", null),
    JOINT_UNION("联合工会", null),
    ENTERPRISE_UNION("企业工会", null),
    REGIONAL_UNION("区域工会", null),
    PLATFORM_UNION("依托平台组建的工会", null);

    private final String label;
    private final Level divisionLevel;

    OrganizationKind(String label, Level divisionLevel) {
        this.label = label;
        this.divisionLevel = divisionLevel;
    }

    public String label() {
        return label;
    }

    /** The level its division code must have, or null when any level fits. */
    public Level divisionLevel() {
        return divisionLevel;
    }
}

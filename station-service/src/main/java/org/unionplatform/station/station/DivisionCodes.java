package org.unionplatform.station.station;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * GB/T 2260 codes are hierarchical: 610000 (province) contains 6104xx (city) contains 610403 (district).
 * A code matches itself and everything under it, as an anchored prefix (an index can serve it).
 */
public final class DivisionCodes {

    private DivisionCodes() {
    }

    public static String prefixOf(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    public static Criteria criteria(String field, String code) {
        return Criteria.where(field).regex("^" + prefixOf(code));
    }

    public static boolean valid(String code) {
        return code != null && code.matches("[1-9]\\d{5}");
    }
}

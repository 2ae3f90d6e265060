package org.unionplatform.organization.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Administrative division codes in the shape of GB/T 2260: six digits, two each for province, prefecture
 * (city) and county level. A province code ends in 0000, a city code in 00; the province prefix must be one
 * the standard assigns. This checks the shape, not a copy of the whole (yearly changing) list.
 */
public final class DivisionCodes {

    /** The provincial-level prefixes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    private DivisionCodes() {
    }

    public enum Level { PROVINCE, CITY, COUNTY }

    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{6}") || !PROVINCES.contains(code.substring(0, 2))) {
            return false;
        }
        String city = code.substring(2, 4);
        String county = code.substring(4, 6);
        if (city.equals("00")) {
            return county.equals("00");
        }
        // Prefectures are numbered 01..70; 90 groups the county-level units a province administers directly.
        int cityNumber = Integer.parseInt(city);
        return cityNumber <= 70 || cityNumber == 90;
    }

    public static Level level(String code) {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The significant prefix: "61" for 610000, "6101" for 610100, the whole code for a county. */
    public static String prefix(String code) {
        return switch (level(code)) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /** Whether the area of {@code outer} contains the area of {@code inner} (an area contains itself). */
    public static boolean contains(String outer, String inner) {
        return inner.startsWith(prefix(outer));
    }

    /** The code itself and the codes of the areas containing it, most specific first: 610103, 610100, 610000. */
    public static List<String> selfAndEnclosing(String code) {
        List<String> codes = new ArrayList<>(3);
        codes.add(code);
        if (level(code) == Level.COUNTY) {
            codes.add(code.substring(0, 4) + "00");
        }
        if (level(code) != Level.PROVINCE) {
            codes.add(code.substring(0, 2) + "0000");
        }
        return codes;
    }
}

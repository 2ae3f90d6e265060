package org.unionplatform.common.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Division codes in the shape of GB/T 2260: six digits, two each for province, prefecture (city) and county level;
 * a province code ends in 0000, a city code in 00; the province prefix must be one the standard assigns. Below the
 * county, the statistics bureau's township codes (统计用区划代码) add three digits for the street or town: nine
 * digits whose first six are the county. This checks the shape; {@link Places} knows which codes exist.
 */
public final class DivisionCodes {

    /** The provincial-level prefixes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    private DivisionCodes() {
    }

    public enum Level { PROVINCE, CITY, COUNTY, TOWNSHIP }

    /** A well-shaped 6-digit GB/T 2260 code of a province, city or county. */
    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{6}") || !isProvincePrefix(code.substring(0, 2))) {
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

    /** A well-shaped 9-digit township code: a county's code and three digits, not 000. */
    public static boolean isValidTownship(String code) {
        return code != null && code.matches("\\d{9}") && !code.endsWith("000") && isValid(code.substring(0, 6))
                && level(code.substring(0, 6)) == Level.COUNTY;
    }

    /** Either shape: a GB/T 2260 code or a township code. */
    public static boolean isValidPlace(String code) {
        return isValid(code) || isValidTownship(code);
    }

    /** Whether two digits are a province-level prefix GB/T 2260 assigns (the region check of a resident ID). */
    public static boolean isProvincePrefix(String twoDigits) {
        return PROVINCES.contains(twoDigits);
    }

    public static Level level(String code) {
        if (code.length() == 9) {
            return Level.TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The county a code lies in: itself for a county, the first six digits of a township; null above. */
    public static String county(String code) {
        return switch (level(code)) {
            case TOWNSHIP -> code.substring(0, 6);
            case COUNTY -> code;
            default -> null;
        };
    }

    /** The significant prefix: "61" for 610000, "6101" for 610100, the whole code for a county or township. */
    public static String prefix(String code) {
        return switch (level(code)) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY, TOWNSHIP -> code;
        };
    }

    /** Whether the area of {@code outer} contains the area of {@code inner} (an area contains itself). */
    public static boolean contains(String outer, String inner) {
        return inner.startsWith(prefix(outer));
    }

    /** The code itself and the codes of the areas containing it, most specific first: 610103001, 610103, 610100, 610000. */
    public static List<String> selfAndEnclosing(String code) {
        List<String> codes = new ArrayList<>(4);
        codes.add(code);
        Level level = level(code);
        if (level == Level.TOWNSHIP) {
            codes.add(code.substring(0, 6));
        }
        if (level == Level.TOWNSHIP || level == Level.COUNTY) {
            codes.add(code.substring(0, 4) + "00");
        }
        if (level != Level.PROVINCE) {
            codes.add(code.substring(0, 2) + "0000");
        }
        return codes;
    }
}

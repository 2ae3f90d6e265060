package org.unionplatform.common.reference;

/**
 * One place: a province, city or county (6-digit GB/T 2260 code) or a street or town (9-digit statistical code).
 *
 * @param code   the division code
 * @param name   its Chinese name
 * @param level  PROVINCE, CITY, COUNTY or TOWNSHIP
 * @param parent the code of the place containing it; null for a province
 */
public record Place(String code, String name, Level level, String parent) {

    public enum Level { PROVINCE, CITY, COUNTY, TOWNSHIP }

    static Place of(String code, String name) {
        if (code.length() == 9) {
            return new Place(code, name, Level.TOWNSHIP, code.substring(0, 6));
        }
        if (code.endsWith("0000")) {
            return new Place(code, name, Level.PROVINCE, null);
        }
        if (code.endsWith("00")) {
            return new Place(code, name, Level.CITY, code.substring(0, 2) + "0000");
        }
        return new Place(code, name, Level.COUNTY, code.substring(0, 4) + "00");
    }
}

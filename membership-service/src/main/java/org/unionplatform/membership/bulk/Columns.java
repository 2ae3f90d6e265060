package org.unionplatform.membership.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.unionplatform.membership.member.PersonDetails;

/**
 * Which cell holds which field, from the header row. Headers may be the Chinese names people use in Excel or
 * the API's field names; the report names a column as the file's header does.
 */
final class Columns {

    private static final Map<String, String> FIELD_BY_HEADER = Map.ofEntries(
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("身份证号", "residentId"), Map.entry("身份证号码", "residentId"), Map.entry("residentid", "residentId"),
            Map.entry("手机号", "phone"), Map.entry("手机号码", "phone"), Map.entry("phone", "phone"),
            Map.entry("工种", "workerType"), Map.entry("职业类型", "workerType"), Map.entry("workertype", "workerType"),
            Map.entry("平台", "platform"), Map.entry("所属平台", "platform"), Map.entry("platform", "platform"),
            Map.entry("统一社会信用代码", "companyCreditCode"), Map.entry("companycreditcode", "companyCreditCode"),
            Map.entry("行政区划代码", "divisionCode"), Map.entry("divisioncode", "divisionCode"));
    static final List<String> REQUIRED = List.of("name", "residentId", "phone", "workerType", "divisionCode");

    private final Map<String, Integer> indexByField = new HashMap<>();
    private final Map<String, String> headerByField = new HashMap<>();

    private Columns() {
    }

    /** The mapping, or the first required field the header lacks. */
    static Columns fromHeader(List<String> header) {
        Columns columns = new Columns();
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i).strip();
            String field = FIELD_BY_HEADER.get(text.toLowerCase(Locale.ROOT));
            if (field != null && !columns.indexByField.containsKey(field)) {
                columns.indexByField.put(field, i);
                columns.headerByField.put(field, text);
            }
        }
        return columns;
    }

    Optional<String> missingRequired() {
        return REQUIRED.stream().filter(field -> !indexByField.containsKey(field)).findFirst();
    }

    PersonDetails details(List<String> cells) {
        return new PersonDetails(cell(cells, "name"), cell(cells, "residentId"), cell(cells, "phone"),
                cell(cells, "workerType"), cell(cells, "platform"), cell(cells, "companyCreditCode"),
                cell(cells, "divisionCode"));
    }

    /** The column as the file names it (the field name when the file has no such column). */
    String header(String field) {
        return headerByField.getOrDefault(field, field);
    }

    private String cell(List<String> cells, String field) {
        Integer index = indexByField.get(field);
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}

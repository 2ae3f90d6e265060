package org.unionplatform.membership.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.common.pii.logging.PiiLogMasker;
import org.unionplatform.membership.bulk.RosterMapping.ColumnMapping;
import org.unionplatform.membership.bulk.RosterMapping.How;
import org.unionplatform.membership.member.PersonDetails;

/**
 * Which cell holds which field, decided from the header row, and a row's cells read as the application form's
 * fields. The organizer's mapping (column -> field, or {@value #NOT_READ}) comes first; then columns named as the
 * vocabulary lists; then columns whose name contains such a name. Values are translated on the way: occupation
 * words to worker types, place names to division codes, an empty division to the union's own (with a note).
 */
final class Columns {

    /** In an organizer's mapping: the column is not read. */
    static final String NOT_READ = "none";
    /** Without these the file cannot be read at all; the division may be left to the union's own. */
    static final List<String> REQUIRED = List.of("name", "residentId", "phone", "workerType");

    /** A row as read: the details to validate, the values translated, and a note for the report (or null). */
    record Row(PersonDetails details, List<Translation> translations, String note) {
    }

    record Translation(String field, String from, String to) {
    }

    private final RosterVocabulary vocabulary;
    private final PlaceNames places;
    private final String unionDivision;
    private final List<ColumnMapping> mapping;
    private final Map<String, Integer> indexByField = new HashMap<>();
    private final Map<String, String> headerByField = new HashMap<>();
    private String failure;

    private Columns(List<String> header, Map<String, String> chosen, RosterVocabulary vocabulary, PlaceNames places,
            String unionDivision) {
        this.vocabulary = vocabulary;
        this.places = places;
        this.unionDivision = unionDivision;
        String[] fields = new String[header.size()];
        How[] how = new How[header.size()];
        for (var entry : chosen.entrySet()) {
            int index = indexOf(header, entry.getKey());
            if (index < 0) {
                failure = "表头中没有指定的列“" + entry.getKey() + "”。";
                break;
            }
            how[index] = entry.getValue().equals(NOT_READ) ? How.UNUSED : How.CHOSEN;
            fields[index] = how[index] == How.CHOSEN ? entry.getValue() : null;
            take(fields[index], index, header);
        }
        for (int i = 0; i < header.size(); i++) {
            if (how[i] == null) {
                fields[i] = vocabulary.fieldNamed(header.get(i)).filter(this::free).orElse(null);
                how[i] = fields[i] == null ? null : How.NAMED;
                take(fields[i], i, header);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (how[i] == null) {
                fields[i] = vocabulary.fieldContained(header.get(i)).filter(this::free).orElse(null);
                how[i] = fields[i] == null ? How.UNUSED : How.CONTAINS;
                take(fields[i], i, header);
            }
        }
        List<ColumnMapping> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            boolean read = fields[i] != null && indexByField.get(fields[i]) == i;
            columns.add(new ColumnMapping(i, header.get(i).strip(), read ? fields[i] : null,
                    read ? how[i] : How.UNUSED));
        }
        this.mapping = List.copyOf(columns);
    }

    static Columns fromHeader(List<String> header, Map<String, String> chosen, RosterVocabulary vocabulary,
            PlaceNames places, String unionDivision) {
        return new Columns(header, chosen == null ? Map.of() : chosen, vocabulary, places, unionDivision);
    }

    /** The organizer's mapping is usable: every value a field or {@value #NOT_READ}, each field once. */
    static Optional<String> problemWith(Map<String, String> chosen) {
        List<String> seen = new ArrayList<>();
        for (var entry : chosen.entrySet()) {
            String field = entry.getValue();
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                return Optional.of("A mapping names an empty column.");
            }
            if (!field.equals(NOT_READ) && !RosterVocabulary.FIELDS.contains(field)) {
                return Optional.of("Column \"" + entry.getKey() + "\" is mapped to \"" + field + "\"; a column maps to "
                        + "one of " + RosterVocabulary.FIELDS + " or \"" + NOT_READ + "\".");
            }
            if (!field.equals(NOT_READ) && seen.contains(field)) {
                return Optional.of("Two columns are mapped to " + field + ".");
            }
            seen.add(field);
        }
        return Optional.empty();
    }

    /** Why the file cannot be read with this header (Chinese, for the organizer), or empty. */
    Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        List<String> required = new ArrayList<>(REQUIRED);
        if (unionDivision == null) {
            required.add("divisionCode");
        }
        return required.stream().filter(field -> !indexByField.containsKey(field)).findFirst()
                .map(field -> "表头中找不到“" + RowReasons.label(field) + "”列（可用的列名如："
                        + String.join("、", vocabulary.headers(field).stream()
                                .filter(name -> !name.matches("[a-zA-Z]+")).limit(6).toList())
                        + "），也可以在上传时指定哪一列是" + RowReasons.label(field) + "。");
    }

    /** How many header cells name a field: a row naming none is not the header. */
    int fieldsFound() {
        return indexByField.size();
    }

    List<ColumnMapping> mapping() {
        return mapping;
    }

    /** The column as the file names it (the field's Chinese name when the file has no such column). */
    String header(String field) {
        return headerByField.getOrDefault(field, RowReasons.label(field));
    }

    Row read(List<String> cells) {
        List<Translation> translations = new ArrayList<>(2);
        String workerType = cell(cells, "workerType");
        if (workerType != null) {
            String code = vocabulary.workerType(workerType).orElse(workerType);
            if (!code.equals(workerType)) {
                translations.add(new Translation("workerType", workerType, code));
            }
            workerType = code;
        }
        String note = null;
        String division = cell(cells, "divisionCode");
        if (division == null && unionDivision != null) {
            division = unionDivision;
            note = "未填所在区县，按本工会所在地（" + unionDivision + "）登记";
            translations.add(new Translation("divisionCode", "", unionDivision));
        } else if (division != null && !division.matches("[0-9]{6}")) {
            String from = division;
            division = places.code(division).orElse(division);
            if (!division.equals(from)) {
                translations.add(new Translation("divisionCode", from, division));
            }
        }
        String residentId = cell(cells, "residentId");
        var details = new PersonDetails(cell(cells, "name"),
                residentId == null ? null : residentId.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT),
                cell(cells, "phone"), workerType, cell(cells, "platform"), cell(cells, "companyCreditCode"), division);
        return new Row(details, translations, note);
    }

    /**
     * The row as read for the organizer to see: the resident ID and phone columns masked, and any ID or mobile
     * number in another column too (an emergency contact's phone is personal data as well).
     */
    List<String> shown(List<String> cells) {
        List<String> shown = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i).strip();
            if (value.length() >= 8 && Integer.valueOf(i).equals(indexByField.get("residentId"))) {
                value = ResidentIdNumber.mask(value);
            } else if (value.length() >= 11 && Integer.valueOf(i).equals(indexByField.get("phone"))) {
                String digits = value.replaceAll("\\D", "");
                value = digits.length() >= 11 ? MobilePhoneNumber.mask(digits.substring(digits.length() - 11))
                        : "*".repeat(value.length());
            } else {
                value = PiiLogMasker.mask(value);
            }
            shown.add(value);
        }
        return shown;
    }

    private boolean free(String field) {
        return !indexByField.containsKey(field);
    }

    private void take(String field, int index, List<String> header) {
        if (field != null && free(field)) {
            indexByField.put(field, index);
            headerByField.put(field, header.get(index).strip());
        }
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(column.strip())) {
                return i;
            }
        }
        String wanted = RosterVocabulary.normalize(column);
        for (int i = 0; i < header.size(); i++) {
            if (RosterVocabulary.normalize(header.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
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

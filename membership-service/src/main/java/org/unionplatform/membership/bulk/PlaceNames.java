package org.unionplatform.membership.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;

/**
 * County-level place names (区县) -> their 6-digit division code, so a roster may say 碑林区 or 西安市碑林区 where the
 * form wants 610103. Read from every CSV with {@code code} and {@code name} columns that
 * {@code membership.bulk.place-names} finds (default: the {@code places-*.csv} platform-common ships beside
 * {@code Places}). Without data only codes are accepted. A name two counties share (长安区 is in Xi'an and in
 * Shijiazhuang) is taken only with its city or province in front.
 */
final class PlaceNames {

    private final Map<String, Set<String>> codesByName = new HashMap<>();
    private final Map<String, String> nameByCode = new HashMap<>();

    private PlaceNames() {
    }

    static PlaceNames read(Resource[] files) {
        PlaceNames names = new PlaceNames();
        for (Resource file : files) {
            try (var reader = new BufferedReader(
                    new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                names.add(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read place names from " + file, e);
            }
        }
        return names;
    }

    static PlaceNames of(Map<String, String> nameByCode) {
        PlaceNames names = new PlaceNames();
        nameByCode.forEach(names::put);
        return names;
    }

    private void add(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (header == null) {
            return;
        }
        List<String> columns = List.of(header.replace("\uFEFF", "").split(","));
        int code = columns.indexOf("code");
        int name = columns.indexOf("name");
        if (code < 0 || name < 0) {
            return;
        }
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cells = line.split(",", -1);
            if (cells.length > Math.max(code, name)) {
                put(cells[code].strip(), cells[name].strip());
            }
        }
    }

    private void put(String code, String name) {
        if (code.matches("[1-8][0-9]{5}") && !name.isEmpty()) {
            nameByCode.put(code, name);
            if (!code.endsWith("00")) {
                codesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(code);
            }
        }
    }

    boolean isEmpty() {
        return codesByName.isEmpty();
    }

    /**
     * The county's code for 碑林区, 西安市碑林区 or 陕西省西安市碑林区: the longest county name the text ends with,
     * and whatever stands before it must be the names of that county's city or province.
     */
    Optional<String> code(String text) {
        String name = text.strip().replaceAll("[\\s\\u3000]", "");
        for (int start = 0; start < name.length(); start++) {
            Set<String> codes = codesByName.get(name.substring(start));
            if (codes == null) {
                continue;
            }
            String before = name.substring(0, start);
            List<String> matching = codes.stream().filter(code -> isAbove(before, code)).toList();
            return matching.size() == 1 ? Optional.of(matching.getFirst()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code prefix} is empty or made of the names of the city and/or province of {@code code}. */
    private boolean isAbove(String prefix, String code) {
        String rest = prefix;
        for (String above : List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00")) {
            String name = nameByCode.get(above);
            if (name != null && rest.startsWith(name)) {
                rest = rest.substring(name.length());
            }
        }
        return rest.isEmpty();
    }
}

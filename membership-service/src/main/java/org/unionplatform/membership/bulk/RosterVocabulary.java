package org.unionplatform.membership.bulk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.unionplatform.common.workers.WorkerTypes;

/**
 * The words rosters use: column names for each field and occupation words for each worker type, read from a
 * properties file ({@code membership.bulk.vocabulary}; the default is {@code bulk/roster-vocabulary.properties}).
 * A platform's own export says 骑手姓名, 证件号码, 联系电话, 工作区域 and 外卖骑手 where the application form says
 * 姓名, 身份证号, 手机号, 行政区划代码 and 网约配送员.
 */
final class RosterVocabulary {

    /** The fields of a roster row, in the order the template shows them. */
    static final List<String> FIELDS = List.of("name", "residentId", "phone", "workerType", "platform", "divisionCode",
            "companyCreditCode");

    /** A bracketed note ("（必填）", "(选填)", "【必填】"), spaces and stars are not part of a column's name. */
    private static final Pattern NOISE = Pattern.compile("[(（\\[【][^)）\\]】]*[)）\\]】]|[\\s\\u3000*＊:：]");

    private final Map<String, String> fieldByHeader = new HashMap<>();
    private final Map<String, List<String>> headersByField = new LinkedHashMap<>();
    private final Map<String, String> typeByWord = new HashMap<>();
    private final Map<String, List<String>> wordsByType = new LinkedHashMap<>();
    private final WorkerTypes workerTypes;

    private RosterVocabulary(Properties entries, WorkerTypes workerTypes) {
        this.workerTypes = workerTypes;
        FIELDS.forEach(field -> headersByField.put(field, new ArrayList<>()));
        for (String key : entries.stringPropertyNames().stream().sorted().toList()) {
            List<String> words = Arrays.stream(entries.getProperty(key).split("[,，]")).map(String::strip)
                    .filter(word -> !word.isEmpty()).toList();
            if (key.startsWith("header.")) {
                String field = key.substring("header.".length());
                if (!FIELDS.contains(field)) {
                    throw new IllegalStateException("Roster vocabulary: " + key + " names no field of " + FIELDS);
                }
                words.forEach(word -> add(fieldByHeader, headersByField, normalize(word), field, word));
            } else if (key.startsWith("occupation.")) {
                String type = key.substring("occupation.".length());
                if (!workerTypes.isKnown(type)) {
                    throw new IllegalStateException("Roster vocabulary: " + key + " names no worker type of "
                            + workerTypes.codes());
                }
                words.forEach(word -> add(typeByWord, wordsByType, normalize(word), type, word));
            } else {
                throw new IllegalStateException("Roster vocabulary: unknown key " + key);
            }
        }
        for (String type : workerTypes.codes()) {
            typeByWord.putIfAbsent(normalize(workerTypes.label(type)), type);
            typeByWord.putIfAbsent(normalize(type), type);
        }
    }

    static RosterVocabulary read(Resource resource, WorkerTypes workerTypes) {
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return read(reader, workerTypes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the roster vocabulary " + resource, e);
        }
    }

    static RosterVocabulary read(Reader reader, WorkerTypes workerTypes) throws IOException {
        Properties entries = new Properties();
        entries.load(reader);
        return new RosterVocabulary(entries, workerTypes);
    }

    private static void add(Map<String, String> byWord, Map<String, List<String>> wordsByTarget, String key,
            String target, String word) {
        String earlier = byWord.putIfAbsent(key, target);
        if (earlier != null && !earlier.equals(target)) {
            throw new IllegalStateException("Roster vocabulary: \"" + word + "\" is listed for both " + earlier
                    + " and " + target);
        }
        wordsByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(word);
    }

    /** A column name or value as compared: lower case, without spaces, stars, colons and bracketed notes. */
    static String normalize(String text) {
        return NOISE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The field a column of exactly this name holds. */
    Optional<String> fieldNamed(String header) {
        return Optional.ofNullable(fieldByHeader.get(normalize(header)));
    }

    /** The field whose longest column name this header contains (骑手身份证号码 -> residentId), if only one. */
    Optional<String> fieldContained(String header) {
        return longestContained(normalize(header), fieldByHeader);
    }

    /**
     * The worker type of an occupation cell: the code, the label or a word of the vocabulary; else the type of the
     * longest word the cell contains (美团专送骑手 -> DELIVERY_RIDER) when no other type has a word that long in it.
     */
    Optional<String> workerType(String value) {
        String key = normalize(value);
        String exact = typeByWord.get(key);
        return exact != null ? Optional.of(exact) : longestContained(key, typeByWord);
    }

    /** The column names this vocabulary knows for a field, the preferred one first. */
    List<String> headers(String field) {
        return Collections.unmodifiableList(headersByField.get(field));
    }

    /** The occupation words of each worker type (the label first). */
    Map<String, List<String>> occupationWords() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (String type : workerTypes.codes()) {
            List<String> list = new ArrayList<>(List.of(workerTypes.label(type)));
            wordsByType.getOrDefault(type, List.of()).stream().filter(word -> !list.contains(word)).forEach(list::add);
            words.put(type, List.copyOf(list));
        }
        return words;
    }

    WorkerTypes workerTypes() {
        return workerTypes;
    }

    private static Optional<String> longestContained(String key, Map<String, String> targetByWord) {
        int longest = 0;
        String found = null;
        boolean ambiguous = false;
        for (var entry : targetByWord.entrySet()) {
            String word = entry.getKey();
            if (word.length() < 2 || !key.contains(word) || word.length() < longest) {
                continue;
            }
            if (word.length() > longest) {
                longest = word.length();
                found = entry.getValue();
                ambiguous = false;
            } else if (!entry.getValue().equals(found)) {
                ambiguous = true;
            }
        }
        return ambiguous ? Optional.empty() : Optional.ofNullable(found);
    }
}

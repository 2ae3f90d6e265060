package org.unionplatform.common.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places shipped with the platform ({@code places-*.csv} beside this class, read once; source and date in
 * docs/places.md): lookups by code and by parent. The data covers whole provinces (today Shaanxi); a code of a
 * province it does not cover can only be checked for its shape, so {@link #covers(String)} tells the two apart
 * and {@link #isKnown(String)} applies the right check.
 */
public final class Places {

    private static final List<String> FILES = List.of("places-shaanxi.csv");
    private static final Places SHIPPED = load(FILES);

    private final Map<String, Place> byCode;
    private final Map<String, List<Place>> byParent;
    private final Set<String> provinces;

    private Places(Map<String, Place> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Place>> children = new LinkedHashMap<>();
        for (Place place : byCode.values()) {
            children.computeIfAbsent(place.parent() == null ? "" : place.parent(), key -> new ArrayList<>()).add(place);
        }
        children.replaceAll((parent, list) -> List.copyOf(list));
        this.byParent = Collections.unmodifiableMap(children);
        this.provinces = byCode.values().stream().filter(place -> place.level() == Place.Level.PROVINCE)
                .map(place -> place.code().substring(0, 2)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static Places shipped() {
        return SHIPPED;
    }

    public Optional<Place> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /**
     * Whether a 6-digit division or 9-digit township code may be used: listed, where the data covers its province
     * (610199 is not); well-shaped elsewhere.
     */
    public boolean isKnown(String code) {
        if (!DivisionCodes.isValidPlace(code)) {
            return false;
        }
        return !covers(code) || byCode.containsKey(code);
    }

    /** The places directly inside {@code parent} in code order; the provinces for null. */
    public List<Place> children(String parent) {
        return byParent.getOrDefault(parent == null ? "" : parent, List.of());
    }

    /** Whether the data lists every division of this code's province. */
    public boolean covers(String code) {
        return code != null && code.length() >= 2 && provinces.contains(code.substring(0, 2));
    }

    /** The place and the places containing it, province first. */
    public List<Place> path(Place place) {
        List<Place> path = new ArrayList<>();
        for (Place at = place; at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
            path.addFirst(at);
        }
        return path;
    }

    static Places load(List<String> resources) {
        Map<String, Place> places = new LinkedHashMap<>();
        for (String resource : resources) {
            try (InputStream in = Places.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("place data " + resource + " is missing from the classpath");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] fields = line.split(",", 2);
                    Place place = Place.of(fields[0].strip(), fields[1].strip());
                    places.put(place.code(), place);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var sorted = new java.util.TreeMap<>(places);
        return new Places(new LinkedHashMap<>(sorted));
    }
}

package org.unionplatform.common.workers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker types this deployment knows (the list must be extensible by configuration): one definition for every
 * service, {@code platform.worker-types}, a map from the code used on the wire and in events to the Chinese label
 * that reports show and that people type into spreadsheets. Without configuration: the six of the seed.
 *
 * @param workerTypes code -> Chinese label, in report column order
 */
@ConfigurationProperties("platform")
public record WorkerTypes(Map<String, String> workerTypes) {

    private static final Map<String, String> DEFAULTS = defaults();

    public WorkerTypes {
        workerTypes = workerTypes == null || workerTypes.isEmpty() ? DEFAULTS : new LinkedHashMap<>(workerTypes);
    }

    /** The seed's six worker types, as the default configuration has them. */
    public static WorkerTypes standard() {
        return new WorkerTypes(null);
    }

    public boolean isKnown(String code) {
        return code != null && workerTypes.containsKey(code);
    }

    public List<String> codes() {
        return List.copyOf(workerTypes.keySet());
    }

    /** The Chinese label of a code; an unknown code is shown as it is. */
    public String label(String code) {
        return workerTypes.getOrDefault(code, code);
    }

    /** The code for a code (any case) or a Chinese label, or empty if unknown. */
    public Optional<String> resolve(String codeOrLabel) {
        if (codeOrLabel == null) {
            return Optional.empty();
        }
        String wanted = codeOrLabel.strip();
        return workerTypes.entrySet().stream()
                .filter(type -> type.getKey().equalsIgnoreCase(wanted) || type.getValue().equals(wanted))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Map<String, String> defaults() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("TRUCK_DRIVER", "货车司机");
        types.put("RIDE_HAILING_DRIVER", "网约车司机");
        types.put("COURIER", "快递员");
        types.put("DELIVERY_RIDER", "网约配送员");
        types.put("DESIGNATED_DRIVER", "代驾司机");
        types.put("DOMESTIC_WORKER", "家政服务员");
        return java.util.Collections.unmodifiableMap(types);
    }
}

package org.unionplatform.organization.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker types this service accepts (the list is extensible by configuration, CONTRACTS.md) and the
 * Chinese labels reports show for them.
 *
 * @param workerTypes {@code platform.worker-types}: code -> Chinese label, in report column order
 */
@ConfigurationProperties("platform")
public record WorkerTypes(Map<String, String> workerTypes) {

    private static final Map<String, String> DEFAULTS = defaults();

    public WorkerTypes {
        workerTypes = workerTypes == null || workerTypes.isEmpty() ? DEFAULTS : new LinkedHashMap<>(workerTypes);
    }

    public boolean isKnown(String code) {
        return code != null && workerTypes.containsKey(code);
    }

    public List<String> codes() {
        return List.copyOf(workerTypes.keySet());
    }

    public String label(String code) {
        return workerTypes.getOrDefault(code, code);
    }

    private static Map<String, String> defaults() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("TRUCK_DRIVER", "货车司机");
        types.put("RIDE_HAILING_DRIVER", "网约车司机");
        types.put("COURIER", "快递员");
        types.put("DELIVERY_RIDER", "网约配送员");
        types.put("DESIGNATED_DRIVER", "代驾司机");
        types.put("DOMESTIC_WORKER", "家政服务员");
        return types;
    }
}

package org.unionplatform.organization.dispatch;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Platform names as workers and unions write them (organization.dispatch.platforms): 美团外卖 and Meituan are 美团.
 * Names are compared after folding full-width letters, case, spaces, dots and dashes; a name the list does not
 * know stands for itself.
 */
@Component
@EnableConfigurationProperties(DispatchProperties.class)
class KnownPlatforms {

    private final Map<String, String> platformByName = new HashMap<>();

    KnownPlatforms(DispatchProperties properties) {
        for (DispatchProperties.Platform platform : properties.platforms()) {
            String platformKey = normalise(platform.name());
            List<String> names = new java.util.ArrayList<>(List.of(platform.name()));
            if (platform.aliases() != null) {
                names.addAll(platform.aliases());
            }
            for (String name : names) {
                String earlier = platformByName.putIfAbsent(normalise(name), platformKey);
                if (earlier != null && !earlier.equals(platformKey)) {
                    throw new IllegalArgumentException("organization.dispatch.platforms: \"" + name
                            + "\" names two platforms");
                }
            }
        }
    }

    /** The platform a written name stands for, in one comparable form. */
    String canonical(String written) {
        String key = normalise(written);
        return platformByName.getOrDefault(key, key);
    }

    static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s.\\-_·•]", "");
    }
}

package org.unionplatform.membership.config;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker types this deployment accepts (extensible by configuration: {@code membership.worker-types}).
 * Each has a code used on the wire and in events, and the Chinese label people type into spreadsheets.
 */
@ConfigurationProperties("membership")
public record WorkerTypes(List<WorkerType> workerTypes) {

    public record WorkerType(String code, String label) {
    }

    public WorkerTypes {
        workerTypes = workerTypes == null ? List.of() : List.copyOf(workerTypes);
    }

    public boolean isKnown(String code) {
        return code != null && workerTypes.stream().anyMatch(type -> type.code().equals(code));
    }

    /** The code for a code or a Chinese label (bulk files often carry the label), or empty if unknown. */
    public Optional<String> resolve(String codeOrLabel) {
        if (codeOrLabel == null) {
            return Optional.empty();
        }
        String wanted = codeOrLabel.strip();
        return workerTypes.stream()
                .filter(type -> type.code().equalsIgnoreCase(wanted) || type.label().equals(wanted))
                .map(WorkerType::code).findFirst();
    }

    public List<String> codes() {
        return workerTypes.stream().map(WorkerType::code).toList();
    }
}

package org.unionplatform.common.retention;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of expiry ({@code platform.retention.*}).
 *
 * @param sweepInterval how often expired documents are deleted (the embedded MongoDB reads the whole collection
 *        for it: it ignores non-unique indexes)
 * @param batchSize most documents deleted per collection and statement; a sweep repeats until it finds fewer
 * @param maxBatches most statements per collection and sweep, so one sweep stays short; the next one goes on
 * @param collections expiring collections declared in configuration, besides the {@link ExpiringCollection} beans
 */
@ConfigurationProperties("platform.retention")
public record RetentionProperties(
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("20") int maxBatches,
        List<ExpiringCollection> collections) {

    public RetentionProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("platform.retention.batch-size and max-batches must be at least 1");
        }
    }
}

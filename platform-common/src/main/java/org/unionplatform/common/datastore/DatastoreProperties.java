package org.unionplatform.common.datastore;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for MongoDB ({@code platform.datastore.*}).
 *
 * @param requestTimeout each operation an HTTP request (and the readiness probe) sends: server selection, a
 *        connection from the pool and the answer together; below the gateway's 5 s, so the client gets this
 *        service's 503 rather than the gateway's 504
 * @param connectTimeout opening a connection
 * @param serverSelectionTimeout finding the server at all (refused connections, an unknown host)
 * @param backgroundReadTimeout one answer to background work (relays, sweeps, schedulers), which may read a whole
 *        collection on the embedded MongoDB, so longer; still bounded, so a stalled database is retried, not
 *        waited on forever
 * @param poolWaitTimeout a connection from the pool for background work
 */
@ConfigurationProperties("platform.datastore")
public record DatastoreProperties(
        @DefaultValue("4s") Duration requestTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration serverSelectionTimeout,
        @DefaultValue("60s") Duration backgroundReadTimeout,
        @DefaultValue("10s") Duration poolWaitTimeout) {
}

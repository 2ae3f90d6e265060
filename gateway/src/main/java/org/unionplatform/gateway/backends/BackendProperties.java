package org.unionplatform.gateway.backends;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instances of every service the routes name ({@code lb://<service>}).
 *
 * @param instances service name (= route's lb host) to its instances' base URIs ({@code http://host:port}); one
 *                  URI is a single instance, as before
 */
@ConfigurationProperties("platform.gateway.backends")
record BackendProperties(Map<String, List<URI>> instances) {

    BackendProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        instances.forEach((service, uris) -> {
            if (uris == null || uris.isEmpty()) {
                throw new IllegalArgumentException("platform.gateway.backends.instances." + service + " lists no URI");
            }
            uris.forEach(uri -> {
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("platform.gateway.backends.instances." + service
                            + ": '" + uri + "' is not an http(s)://host[:port] address");
                }
            });
        });
    }

    List<URI> of(String service) {
        List<URI> uris = instances.get(service);
        if (uris == null) {
            throw new IllegalStateException("No instances configured for " + service
                    + " (platform.gateway.backends.instances." + service + ")");
        }
        return uris;
    }
}

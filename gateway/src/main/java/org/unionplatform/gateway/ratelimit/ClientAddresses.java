package org.unionplatform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP address. X-Forwarded-For is believed only when the peer is a trusted proxy, and then read from
 * the right: each trusted hop is skipped, and the first address not trusted is the client (entries further left
 * were written by the client itself and could be anything).
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        String client = remote.getAddress().getHostAddress();
        if (!isTrusted(remote.getAddress().getAddress())) {
            return client;
        }
        List<String> hops = request.getHeaders().getValuesAsList(FORWARDED_FOR);
        for (int index = hops.size() - 1; index >= 0; index--) {
            String hop = hops.get(index).trim();
            Optional<byte[]> address = AddressRange.literal(hop);
            if (address.isEmpty()) {
                // Garbage in the chain: the last address we could vouch for is the best we know.
                return client;
            }
            client = hop;
            if (!isTrusted(address.get())) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(byte[] address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}

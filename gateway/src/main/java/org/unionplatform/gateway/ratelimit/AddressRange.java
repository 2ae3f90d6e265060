package org.unionplatform.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** One trusted-proxy entry: an address ({@code 10.0.0.7}) or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
record AddressRange(byte[] network, int prefixBits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static AddressRange parse(String entry) {
        String trimmed = entry.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] network = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("platform.gateway.rate-limit.trusted-proxies: '"
                        + entry + "' is not an IP address or CIDR range"));
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("platform.gateway.rate-limit.trusted-proxies: bad prefix in '" + entry + "'");
        }
        return new AddressRange(network, bits);
    }

    /** The bytes of a literal IPv4 or IPv6 address; never a name lookup. */
    static Optional<byte[]> literal(String value) {
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value).getAddress());
        }
        catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixBits % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}

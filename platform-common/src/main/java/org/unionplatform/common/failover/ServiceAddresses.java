package org.unionplatform.common.failover;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of another service a client may send to, from one setting with comma-separated addresses
 * ({@code http://127.0.0.1:8082,http://127.0.0.1:8092}); one address is the usual case and behaves as a single URL.
 * Each call starts at the next address in turn and moves on to the following one only when the request never reached
 * an instance ({@link #neverReached}), so a request that may have had an effect is never sent twice. Used by
 * {@link FailoverFeignClient} (Feign clients) and {@link FailoverInterceptor} (RestClient and RestTemplate).
 */
public final class ServiceAddresses {

    private final List<String> addresses;
    private final AtomicInteger turn = new AtomicInteger();

    private ServiceAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** Addresses separated by commas, each an absolute http(s) URL; a trailing slash is dropped. */
    public static ServiceAddresses of(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException("No service address given");
        }
        List<String> addresses = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String address = entry.strip();
            while (address.endsWith("/")) {
                address = address.substring(0, address.length() - 1);
            }
            URI uri = URI.create(address);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("Not an http(s) address of a service: " + address);
            }
            addresses.add(address);
        }
        return new ServiceAddresses(List.copyOf(addresses));
    }

    /** The first address: the base a client is built with (its requests are moved to the address in turn). */
    public String first() {
        return addresses.getFirst();
    }

    /** Every address once, starting at the next one in turn: calls spread over the instances. */
    public List<String> inTurn() {
        if (addresses.size() == 1) {
            return addresses;
        }
        int start = Math.floorMod(turn.getAndIncrement(), addresses.size());
        List<String> order = new ArrayList<>(addresses.subList(start, addresses.size()));
        order.addAll(addresses.subList(0, start));
        return order;
    }

    /** Whether {@code url} is {@code base} or lies below it (a path, query or fragment after it). */
    static boolean under(String url, String base) {
        return url.startsWith(base) && (url.length() == base.length() || "/?#".indexOf(url.charAt(base.length())) >= 0);
    }

    /** {@code url}, which lies {@link #under} {@code base}, sent to {@code address} instead. */
    static String moved(String url, String base, String address) {
        return address + url.substring(base.length());
    }

    /**
     * Whether the request certainly never reached an instance, so another may be asked whatever the method: the
     * connection was refused, the host is unknown or unreachable, or connecting timed out. A timeout while reading,
     * a reset or any response means the instance may have acted on it: never sent again.
     */
    public static boolean neverReached(IOException failure) {
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException) {
            return true;
        }
        // HttpURLConnection (Feign's default client, Spring's SimpleClientHttpRequestFactory) tells the two timeouts
        // apart only by the JDK's message: "Connect timed out" versus "Read timed out".
        return failure instanceof SocketTimeoutException timeout && timeout.getMessage() != null
                && timeout.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out");
    }

    @Override
    public String toString() {
        return String.join(",", addresses);
    }
}

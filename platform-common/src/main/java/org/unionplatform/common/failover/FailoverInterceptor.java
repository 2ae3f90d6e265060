package org.unionplatform.common.failover;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Sends each request of a {@code RestClient} or {@code RestTemplate} to one of a service's {@link ServiceAddresses},
 * starting at the next in turn and moving on only when the request never reached the instance. The client is built
 * against {@link ServiceAddresses#first()} (its base URL, or the full address it asks); a request to anywhere else
 * passes unchanged. Interceptors registered after it run once per attempt.
 */
public final class FailoverInterceptor implements ClientHttpRequestInterceptor {

    private final ServiceAddresses addresses;

    public FailoverInterceptor(ServiceAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String url = request.getURI().toString();
        if (!ServiceAddresses.under(url, addresses.first())) {
            return execution.execute(request, body);
        }
        IOException failure = null;
        for (String address : addresses.inTurn()) {
            URI moved = URI.create(ServiceAddresses.moved(url, addresses.first(), address));
            try {
                return execution.execute(new HttpRequestWrapper(request) {
                    @Override
                    public URI getURI() {
                        return moved;
                    }
                }, body);
            } catch (IOException e) {
                if (!ServiceAddresses.neverReached(e)) {
                    throw e;
                }
                failure = e;
            }
        }
        throw failure;
    }
}

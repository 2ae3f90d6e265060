package org.unionplatform.common.failover;

import java.io.IOException;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * A Feign {@link Client} that sends each call to one of a service's {@link ServiceAddresses}, starting at the next in
 * turn and moving on only when the request never reached the instance. Declared in a Feign client's own configuration
 * for a client without {@code url}: Feign addresses its requests to {@code http://<client name>}, which this client
 * replaces with the address. The HTTP work is Feign's default client's, as without it.
 */
public final class FailoverFeignClient implements Client {

    private final ServiceAddresses addresses;
    private final Client http = new Client.Default(null, null);

    public FailoverFeignClient(ServiceAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String base = request.requestTemplate().feignTarget().url();
        if (!ServiceAddresses.under(request.url(), base)) {
            return http.execute(request, options);
        }
        IOException failure = null;
        for (String address : addresses.inTurn()) {
            Request moved = Request.create(request.httpMethod(), ServiceAddresses.moved(request.url(), base, address),
                    request.headers(), request.body(), request.charset(), request.requestTemplate());
            try {
                return http.execute(moved, options);
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

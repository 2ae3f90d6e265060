package org.unionplatform.gateway.bodylimit;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body above the route's limit; rendered as a 413 problem, never counted against the backend. */
public class PayloadTooLargeException extends ResponseStatusException {

    PayloadTooLargeException(DataSize limit) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the " + describe(limit)
                + " accepted on this path.");
    }

    private static String describe(DataSize limit) {
        long bytes = limit.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return limit.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return limit.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}

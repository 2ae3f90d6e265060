package org.unionplatform.benefits.grant;

import org.unionplatform.common.web.ServiceUnavailableException;

/** The issuance outlived its lease and recovery cancelled it; nothing was issued, the key may be retried. */
final class IssuanceAbandonedException extends ServiceUnavailableException {

    IssuanceAbandonedException() {
        super("benefits-service", "The issuance took too long and was cancelled; nothing was issued. Please try again.");
    }
}

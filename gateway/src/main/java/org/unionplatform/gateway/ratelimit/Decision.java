package org.unionplatform.gateway.ratelimit;

/** The answer of a bucket: allowed, or refused with the seconds after which a retry can succeed. */
record Decision(boolean allowed, long retryAfterSeconds) {

    static Decision allow() {
        return new Decision(true, 0);
    }

    static Decision refuse(long retryAfterSeconds) {
        return new Decision(false, retryAfterSeconds);
    }
}

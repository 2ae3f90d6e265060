package org.unionplatform.organization.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins for usernames that have no account, counted and locked exactly like an account's,
 * so the answers (401, then 429 with Retry-After) never reveal whether a username exists.
 */
@Document("login_throttle")
record LoginThrottle(@Id String id, int failedLogins, Instant lockedUntil, int lockouts) {
}

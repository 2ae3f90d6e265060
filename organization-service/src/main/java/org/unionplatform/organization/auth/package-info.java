/**
 * The platform's built-in token issuer: staff accounts and their administration ({@code StaffAccounts}), password
 * sign-in with lockout, rotating refresh tokens, the signing keys and their rotation, service tokens for the other
 * services and member tokens on membership-service's request. Everything it does is audited.
 */
package org.unionplatform.organization.auth;

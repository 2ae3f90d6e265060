/**
 * Who the caller is and what they may reach: every service as an OAuth2 resource server over the platform's RS256
 * tokens ({@link org.unionplatform.common.security.Caller}, {@link org.unionplatform.common.security.Role}),
 * the caller's scope applied where data is read ({@link org.unionplatform.common.security.AccessScope}: subtree
 * queries, 404 outside), refusals as problems, and the service's own token for calls to another service
 * ({@link org.unionplatform.common.security.ServiceTokens}).
 */
package org.unionplatform.common.security;

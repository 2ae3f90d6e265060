/** Member sign-in: a one-time code sent to the member's phone, traded for a member token. */
package org.unionplatform.membership.signin;

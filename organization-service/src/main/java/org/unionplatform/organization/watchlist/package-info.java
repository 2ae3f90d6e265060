/**
 * The weekly watch list: key platform companies in the caller's scope, the least recently followed first, with
 * how far their union building and the founding that includes them have come. Reads companies and foundings,
 * owns nothing stored.
 */
package org.unionplatform.organization.watchlist;

/** Service-wide wiring that belongs to no feature: the clock every feature reads the time from. */
package org.unionplatform.membership.config;

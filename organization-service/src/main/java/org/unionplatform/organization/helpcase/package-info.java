/**
 * Help cases in the organisations' figures: counts of cases opened by kind and closed by outcome, resolutions within
 * the deadline and money recovered, kept in the subtree tallies from membership-service's help-case events (the
 * cases themselves live in membership-service).
 */
package org.unionplatform.organization.helpcase;

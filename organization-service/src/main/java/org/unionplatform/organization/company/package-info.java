/**
 * Companies where gig workers work, as organizers survey them and move them along the union-building pipeline
 * (SURVEYED, GUIDED, PREPARING, ESTABLISHED; the rules are in {@code Company}); publishes
 * {@code enterprise.status-changed} and counts companies by status in the tallies.
 */
package org.unionplatform.organization.company;

/**
 * The organisations this service knows (name, path, division), kept from organization-service's events and from
 * dispatch answers: where members may be filed (bulk enrolment, transfers) and the caller's reach over them.
 */
package org.unionplatform.membership.organization;

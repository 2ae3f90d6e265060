package org.unionplatform.membership.member;

/** The grassroots union a member belongs to (or an application was dispatched to). */
public record Union(String organizationId, String name, String orgPath) {
}

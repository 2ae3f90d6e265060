package org.unionplatform.membership.member;

public enum MemberStatus {
    ACTIVE, SUSPENDED, WITHDRAWN
}

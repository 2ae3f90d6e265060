package org.unionplatform.organization.auth;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.unionplatform.common.security.Role;
import org.unionplatform.organization.auth.AccountRequests.CreateAccount;

/**
 * Creates a staff account unless one with that username exists: for the demo data, which runs outside any
 * request. Goes through {@link AccountAdministration}, so the account is checked, hashed and audited like one
 * an administrator creates.
 */
@Component
public class StaffAccountSeeding {

    private final StaffAccounts accounts;
    private final AccountAdministration administration;

    StaffAccountSeeding(StaffAccounts accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    /** @return true if the account was created now */
    public boolean createIfAbsent(String username, String password, Set<Role> roles, String orgId, String orgPath,
            Set<String> stations, String by) {
        if (accounts.byUsername(username).isPresent()) {
            return false;
        }
        administration.create(new CreateAccount(username, password, roles, orgId, orgPath, stations), by);
        return true;
    }
}

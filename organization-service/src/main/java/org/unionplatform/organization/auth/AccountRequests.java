package org.unionplatform.organization.auth;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.security.Role;

/** The request and response records of the account administration endpoints. */
final class AccountRequests {

    static final String USERNAME = "[A-Za-z0-9._-]{3,64}";
    static final String ID = "[A-Za-z0-9_-]{1,64}";
    /** Materialized path of organisation ids, e.g. /sx/xa/bl/ */
    static final String ORG_PATH = "(/[A-Za-z0-9_-]{1,64})+/";

    private AccountRequests() {
    }

    record CreateAccount(@NotNull @Pattern(regexp = USERNAME) String username,
            @NotNull @Size(min = 12, max = 64) String password,
            @NotEmpty @Size(max = 4) Set<@NotNull Role> roles,
            @Pattern(regexp = ID) String orgId,
            @Pattern(regexp = ORG_PATH) @Size(max = 1024) String orgPath,
            @Size(max = 200) Set<@NotNull @Pattern(regexp = ID) String> stations) {
    }

    record ChangeAccess(@NotEmpty @Size(max = 4) Set<@NotNull Role> roles,
            @Pattern(regexp = ID) String orgId,
            @Pattern(regexp = ORG_PATH) @Size(max = 1024) String orgPath,
            @Size(max = 200) Set<@NotNull @Pattern(regexp = ID) String> stations) {
    }

    record ResetPassword(@NotNull @Size(min = 12, max = 64) String password) {
    }

    /** An account as administrators see it: never the password hash. */
    record AccountResponse(String id, String username, Set<Role> roles, String orgId, String orgPath,
            Set<String> stations, boolean enabled, Instant lockedUntil, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy) {

        static AccountResponse of(StaffAccount account) {
            return new AccountResponse(account.id(), account.username(), account.roles(), account.orgId(),
                    account.orgPath(), account.stations(), account.enabled(), account.lockedUntil(),
                    account.createdAt(), account.createdBy(), account.updatedAt(), account.updatedBy());
        }
    }
}

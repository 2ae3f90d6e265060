package org.unionplatform.organization.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.organization.auth.AccountRequests.ChangeAccess;
import org.unionplatform.organization.auth.AccountRequests.CreateAccount;

/**
 * What an ADMIN, or an ORGANIZER within their subtree ({@link AccountReach}), does to staff accounts; each change
 * is audited, and changes that must end existing
 * sessions (disable, new password, new roles or scope) revoke the account's refresh tokens, so the old
 * rights last at most one access-token lifetime.
 */
@Service
public class StaffAccounts {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final StaffAccountRepository accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountReach reach;

    StaffAccounts(StaffAccountRepository accounts, RefreshTokens refreshTokens, PasswordEncoder passwords,
            AuditTrail audit, Clock clock, AccountReach reach) {
        this.reach = reach;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a staff account unless one with that username exists: for the demo data, which runs outside any
     * request; checked, hashed and audited like one an administrator creates.
     *
     * @return true if the account was created now
     */
    public boolean createIfAbsent(String username, String password, Set<Role> roles, String orgId, String orgPath,
            Set<String> stations, String by) {
        if (accounts.byUsername(username).isPresent()) {
            return false;
        }
        create(new CreateAccount(username, password, roles, orgId, orgPath, stations), by);
        return true;
    }

    /** The scope is checked once completed: an organizer names the organisation, the tree gives its path. */
    StaffAccount create(CreateAccount request, Caller caller) {
        var access = reach.allowed(request.roles(), request.orgId(), request.orgPath(), request.stations(), caller);
        return create(new CreateAccount(request.username(), request.password(), request.roles(), access.orgId(),
                access.orgPath(), request.stations()), caller.subject());
    }

    private StaffAccount create(CreateAccount request, String by) {
        checkScope(request.roles(), request.orgId(), request.orgPath(), request.stations());
        String username = StaffAccount.normalise(request.username());
        if (accounts.byUsername(username).isPresent()) {
            throw new ConflictException("An account with this username already exists.");
        }
        Instant now = clock.instant();
        StaffAccount account = accounts.insert(new StaffAccount(UUID.randomUUID().toString(), username,
                hash(request.password()), request.roles(), request.orgId(), request.orgPath(), request.stations(),
                true, 0, null, 0, now, by, now, by));
        audit.record(by, "ACCOUNT_CREATED", target(account), AuditOutcome.SUCCESS, access(account));
        return account;
    }

    /** All accounts for an ADMIN (paged in the database); an organizer's few, paged here. */
    Page<StaffAccount> list(Pageable page, Caller caller) {
        if (caller.isAdmin()) {
            return accounts.page(page);
        }
        List<StaffAccount> all = reach.manageable(caller, accounts);
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = (int) Math.min(page.getOffset() + page.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), page, all.size());
    }

    StaffAccount get(String id, Caller caller) {
        return reach.require(accounts.byId(id).orElseThrow(() -> new ResourceNotFoundException("Account", id)),
                caller);
    }

    StaffAccount setEnabled(String id, boolean enabled, Caller caller) {
        get(id, caller);
        String by = caller.subject();
        StaffAccount account = change(id, new Update().set("enabled", enabled), by);
        if (!enabled) {
            refreshTokens.revokeAll(id);
        }
        audit.record(by, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", target(account), AuditOutcome.SUCCESS,
                Map.of());
        return account;
    }

    void resetPassword(String id, String password, Caller caller) {
        get(id, caller);
        String by = caller.subject();
        // A reset also lifts a lock: the administrator has just confirmed who may use the account.
        StaffAccount account = change(id, new Update().set("passwordHash", hash(password)).set("failedLogins", 0)
                .unset("lockedUntil"), by);
        refreshTokens.revokeAll(id);
        audit.record(by, "PASSWORD_RESET", target(account), AuditOutcome.SUCCESS, Map.of());
    }

    StaffAccount changeAccess(String id, ChangeAccess request, Caller caller) {
        get(id, caller);
        String by = caller.subject();
        var access = reach.allowed(request.roles(), request.orgId(), request.orgPath(), request.stations(), caller);
        checkScope(request.roles(), access.orgId(), access.orgPath(), request.stations());
        StaffAccount account = change(id, new Update().set("roles", request.roles()).set("orgId", access.orgId())
                .set("orgPath", access.orgPath())
                .set("stations", request.stations() == null ? Set.of() : request.stations()), by);
        refreshTokens.revokeAll(id);
        audit.record(by, "ACCOUNT_ACCESS_CHANGED", target(account), AuditOutcome.SUCCESS, access(account));
        return account;
    }

    private StaffAccount change(String id, Update update, String by) {
        return accounts.change(id, update, by, clock.instant())
                .orElseThrow(() -> new ResourceNotFoundException("Account", id));
    }

    private String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw new BusinessRuleViolationException("password-length",
                    "The password is longer than 72 bytes in UTF-8; choose a shorter one.");
        }
        return passwords.encode(password);
    }

    /** Roles decide which scope an account needs; a scope that does not fit the roles is refused. */
    static void checkScope(Set<Role> roles, String orgId, String orgPath, Set<String> stations) {
        if (roles.contains(Role.MEMBER)) {
            throw new BusinessRuleViolationException("staff-roles", "Staff accounts cannot hold the MEMBER role.");
        }
        boolean needsOrganisation = roles.contains(Role.ORGANIZER) || roles.contains(Role.BENEFIT_OFFICER);
        if (needsOrganisation && (orgId == null || orgPath == null || !orgPath.endsWith("/" + orgId + "/"))) {
            throw new BusinessRuleViolationException("account-scope",
                    "ORGANIZER and BENEFIT_OFFICER need orgId and orgPath, the path ending with that id.");
        }
        if (!needsOrganisation && (orgId != null || orgPath != null)) {
            throw new BusinessRuleViolationException("account-scope",
                    "An organisation scope is only for ORGANIZER and BENEFIT_OFFICER.");
        }
        boolean attendant = roles.contains(Role.STATION_ATTENDANT);
        if (attendant == (stations == null || stations.isEmpty())) {
            throw new BusinessRuleViolationException("account-scope",
                    "STATION_ATTENDANT needs at least one station, and only attendants have stations.");
        }
    }

    private static String target(StaffAccount account) {
        return "account:" + account.username();
    }

    private static Map<String, String> access(StaffAccount account) {
        return Map.of("roles", account.roles().stream().map(Role::name).sorted().toList().toString(),
                "orgPath", String.valueOf(account.orgPath()),
                "stations", account.stations().stream().sorted().toList().toString());
    }
}

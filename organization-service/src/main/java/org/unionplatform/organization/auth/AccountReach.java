package org.unionplatform.organization.auth;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.unionplatform.organization.station.KnownStations;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Which staff accounts a caller may manage. An ADMIN any. An ORGANIZER those of their subtree: organizers and
 * officers scoped to an organisation in it, attendants whose every station is operated in it (station.KnownStations);
 * never an administrator, and they hand out only the roles ORGANIZER, BENEFIT_OFFICER and STATION_ATTENDANT.
 * What lies outside answers 404, as the rest of the API does.
 */
@Component
class AccountReach {

    private static final Set<Role> ORGANIZER_GRANTS = EnumSet.of(Role.ORGANIZER, Role.BENEFIT_OFFICER,
            Role.STATION_ATTENDANT);

    private final OrganizationRepository organizations;
    private final KnownStations stations;

    AccountReach(OrganizationRepository organizations, KnownStations stations) {
        this.organizations = organizations;
        this.stations = stations;
    }

    /**
     * The scope as it will be stored. For an organizer: the roles they may grant, an organisation of their
     * subtree (its path from the tree; a path given that differs is refused) and stations of their subtree.
     */
    Access allowed(Set<Role> roles, String orgId, String orgPath, Set<String> stationIds, Caller caller) {
        if (caller.isAdmin()) {
            // An administrator may name only the organisation (the console does): its path comes from the tree.
            return new Access(orgId, orgPath != null || orgId == null ? orgPath
                    : organizations.byId(orgId).map(Organization::path).orElse(null));
        }
        if (!ORGANIZER_GRANTS.containsAll(roles)) {
            throw new BusinessRuleViolationException("account-roles",
                    "An organizer gives only the roles ORGANIZER, BENEFIT_OFFICER and STATION_ATTENDANT.");
        }
        AccessScope scope = AccessScope.of(caller);
        String path = orgPath;
        if (orgId != null) {
            Organization organization = scope.requireInSubtree(organizations.byId(orgId), Organization::path,
                    "Organization", orgId);
            if (orgPath != null && !orgPath.equals(organization.path())) {
                throw new BusinessRuleViolationException("account-scope",
                        "orgPath must be the organisation's own path, " + organization.path());
            }
            path = organization.path();
        }
        for (String stationId : stationIds == null ? Set.<String>of() : stationIds) {
            var operator = stations.byId(stationId).orElseThrow(() -> new BusinessRuleViolationException(
                    "account-stations", "Station " + stationId + " is not known here (yet); an administrator can"
                            + " bind it."));
            if (!scope.coversOrgPath(operator.orgPath())) {
                throw new ResourceNotFoundException("Station", stationId);
            }
        }
        return new Access(orgId, path);
    }

    /** The account if the caller may manage it; 404 otherwise. */
    StaffAccount require(StaffAccount account, Caller caller) {
        if (caller.isAdmin() || reaches(account, caller)) {
            return account;
        }
        throw new ResourceNotFoundException("Account", account.id());
    }

    private boolean reaches(StaffAccount account, Caller caller) {
        if (account.roles().contains(Role.ADMIN) || account.roles().contains(Role.SERVICE)) {
            return false;
        }
        AccessScope scope = AccessScope.of(caller);
        if (account.orgPath() != null && !scope.coversOrgPath(account.orgPath())) {
            return false;
        }
        Set<String> ours = new HashSet<>(stations.idsWhere(scope.subtree("orgPath")));
        return ours.containsAll(account.stations()) && (account.orgPath() != null || !account.stations().isEmpty());
    }

    /**
     * The accounts an organizer may manage, by username: those scoped in their subtree and the attendants of its
     * stations (two indexed reads; a subtree holds few staff accounts, so the page is cut here).
     */
    List<StaffAccount> manageable(Caller caller, StaffAccountRepository accounts) {
        AccessScope scope = AccessScope.of(caller);
        List<String> ours = stations.idsWhere(scope.subtree("orgPath"));
        Map<String, StaffAccount> found = new TreeMap<>();
        accounts.where(scope.subtree("orgPath")).forEach(a -> found.put(a.username(), a));
        if (!ours.isEmpty()) {
            accounts.where(where("stations").in(ours)).forEach(a -> found.put(a.username(), a));
        }
        return found.values().stream().filter(a -> reaches(a, caller)).toList();
    }

    /** The organisation scope an account gets. */
    record Access(String orgId, String orgPath) {
    }
}

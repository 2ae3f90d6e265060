package org.unionplatform.organization.tree;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.progress.Counters;
import org.unionplatform.organization.progress.Tallies;
import org.unionplatform.organization.reference.DivisionCodes;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.UpdateOrganization;

/**
 * Changes to the tree. Organizers change only their own subtree and never its root (moving or deleting the
 * root of one's own scope is an administrator's decision); an out-of-scope organisation behaves as if it did
 * not exist.
 */
@Service
public class OrganizationService {

    private final Organizations organizations;
    private final PathRewriter paths;
    private final Tallies tallies;
    private final MongoTemplate mongo;
    private final Clock clock;

    OrganizationService(Organizations organizations, PathRewriter paths, Tallies tallies, MongoTemplate mongo,
            Clock clock) {
        this.organizations = organizations;
        this.paths = paths;
        this.tallies = tallies;
        this.mongo = mongo;
        this.clock = clock;
    }

    Organization create(CreateOrganization request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization parent = null;
        if (request.parentId() == null) {
            if (!caller.isAdmin()) {
                throw rule("root-needs-admin", "parentId", "Only an administrator creates a root organisation.");
            }
        } else {
            parent = visibleParent(request.parentId(), caller, "parentId");
        }
        return create(UUID.randomUUID().toString(), request, parent, caller.subject(), true);
    }

    /**
     * Creates an organisation with a given id under a (checked) parent; the founding workflow and the demo data
     * use it too. {@code announce} publishes {@code organization.established}.
     */
    public Organization create(String id, CreateOrganization request, Organization parent, String by,
            boolean announce) {
        checkShape(request.kind(), request.divisionCode(), request.platforms(), parent);
        Organization organization = Organization.create(id, request.name().strip(), request.kind(),
                request.divisionCode(), request.workerTypes(), request.platforms(), parent, by, clock.instant());
        if (announce) {
            organization.announceEstablished();
        }
        Organization saved = organizations.insert(organization);
        tallies.add(Tallies.idsOf(saved.path()), Map.of(Counters.ORGANIZATIONS + saved.kind().name(), 1L));
        return saved;
    }

    Organization update(String id, UpdateOrganization request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization organization = organizations.requireVisible(id, caller);
        Organization parent = organizations.byId(organization.parentId()).orElse(null);
        checkShape(organization.kind(), request.divisionCode(), request.platforms(), parent);
        for (Organization child : organizations.matching(where("parentId").is(id))) {
            if (!DivisionCodes.contains(request.divisionCode(), child.divisionCode())) {
                throw rule("division-within-parent", "divisionCode",
                        "The new division does not contain the division of child " + child.id() + ".");
            }
        }
        organization.change(request.name().strip(), request.divisionCode(), request.workerTypes(),
                request.platforms(), caller.subject(), clock.instant());
        return organizations.save(organization);
    }

    Organization move(String id, String newParentId, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization organization = organizations.requireVisible(id, caller);
        requireNotOwnRoot(organization, caller);
        Organization newParent = visibleParent(newParentId, caller, "newParentId");
        if (newParent.path().startsWith(organization.path())) {
            throw rule("no-cycle", "newParentId",
                    "An organisation cannot move under itself or one of its own descendants.");
        }
        if (newParent.id().equals(organization.parentId())) {
            return organization;
        }
        if (!DivisionCodes.contains(newParent.divisionCode(), organization.divisionCode())) {
            throw rule("division-within-parent", "newParentId",
                    "The new parent's division does not contain this organisation's division.");
        }
        String oldPath = organization.path();
        List<String> oldAncestors = organization.ancestorIds();
        organization.moveUnder(newParent, caller.subject(), clock.instant());
        Organization saved = organizations.save(organization);
        paths.rewrite(oldPath, saved.path());
        tallies.moveSubtree(saved.id(), oldAncestors, saved.ancestorIds());
        return saved;
    }

    void delete(String id, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization organization = organizations.requireVisible(id, caller);
        requireNotOwnRoot(organization, caller);
        if (organizations.hasChildren(id)) {
            throw conflict("organization-has-children", "The organisation still has child organisations.");
        }
        if (tallies.sum(id, Counters.MEMBERS) != 0) {
            throw conflict("organization-has-members", "The organisation still has members.");
        }
        Criteria companies = new Criteria().orOperator(where("organizationId").is(id),
                where("coveringOrganizationId").is(id));
        if (mongo.exists(Query.query(companies), "companies")) {
            throw conflict("organization-has-companies",
                    "Companies are still registered with or covered by the organisation.");
        }
        if (mongo.exists(Query.query(where("parentId").is(id).and("status").is("IN_PROGRESS")), "foundings")) {
            throw conflict("organization-has-foundings", "A union founding under the organisation is in progress.");
        }
        organizations.delete(organization);
        tallies.add(Tallies.idsOf(organization.path()), Map.of(Counters.ORGANIZATIONS + organization.kind().name(), -1L));
        tallies.forget(id);
    }

    private Organization visibleParent(String parentId, Caller caller, String field) {
        return organizations.byId(parentId)
                .filter(parent -> AccessScope.of(caller).coversOrgPath(parent.path()))
                .orElseThrow(() -> rule("unknown-parent", field, "No organisation " + parentId + " in your scope."));
    }

    private static void requireNotOwnRoot(Organization organization, Caller caller) {
        if (!caller.isAdmin() && organization.path().equals(caller.orgPath())) {
            throw new AccessDeniedException("Only an administrator moves or deletes the root of a scope.");
        }
    }

    /** The kind decides the division level; a child lies inside its parent's division. */
    public static void checkShape(OrganizationKind kind, String divisionCode, Set<String> platforms,
            Organization parent) {
        if (kind.divisionLevel() != null && DivisionCodes.level(divisionCode) != kind.divisionLevel()) {
            throw rule("division-level", "divisionCode",
                    "A " + kind + " needs a " + kind.divisionLevel().name().toLowerCase() + "-level division code.");
        }
        if (parent != null && !DivisionCodes.contains(parent.divisionCode(), divisionCode)) {
            throw rule("division-within-parent", "divisionCode",
                    "The division must lie within the parent's division " + parent.divisionCode() + ".");
        }
        if (kind == OrganizationKind.PLATFORM_UNION && (platforms == null || platforms.isEmpty())) {
            throw rule("platform-union-needs-platforms", "platforms",
                    "A platform-based union names the platforms whose workers it takes in.");
        }
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    static PlatformProblemException conflict(String rule, String detail) {
        return new ConflictException(detail).with("rule", rule);
    }
}

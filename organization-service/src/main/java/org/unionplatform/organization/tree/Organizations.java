package org.unionplatform.organization.tree;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.UpdateOrganization;

/**
 * The use cases of the tree. Organizers change only their own subtree and never its root (moving or deleting the
 * root of one's own scope is an administrator's decision); an out-of-scope organisation behaves as if it did
 * not exist. The shape rules live in {@link Organization}.
 */
@Service
public class Organizations {

    private final OrganizationRepository organizations;
    private final PathRewriter paths;
    private final TallyRepository tallies;
    private final List<TreeFollower> followers;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, PathRewriter paths, TallyRepository tallies,
            List<TreeFollower> followers, Clock clock) {
        this.organizations = organizations;
        this.paths = paths;
        this.tallies = tallies;
        this.followers = followers;
        this.clock = clock;
    }

    Organization create(CreateOrganization request, Caller caller) {
        Organization parent = null;
        if (request.parentId() == null) {
            if (!caller.isAdmin()) {
                throw Organization.rule("root-needs-admin", "parentId",
                        "Only an administrator creates a root organisation.");
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
        Organization organization = Organization.create(id, request.name().strip(), request.kind(),
                request.divisionCode(), request.workerTypes(), request.platforms(), parent, by, clock.instant());
        if (announce) {
            organization.announceEstablished();
        }
        Organization saved = organizations.insert(organization);
        tallies.add(Tally.idsOf(saved.path()), Map.of(Counters.ORGANIZATIONS + saved.kind().name(), 1L));
        return saved;
    }

    Page<Organization> list(OrganizationKind kind, String parentId, Pageable pageable, Caller caller) {
        Criteria criteria = AccessScope.of(caller).subtree("path");
        if (kind != null) {
            criteria = new Criteria().andOperator(criteria, where("kind").is(kind));
        }
        if (parentId != null) {
            criteria = new Criteria().andOperator(criteria, where("parentId").is(parentId));
        }
        return organizations.page(criteria, pageable);
    }

    Organization get(String id, Caller caller) {
        return organizations.requireVisible(id, caller);
    }

    Page<Organization> children(String id, Pageable pageable, Caller caller) {
        Organization parent = organizations.requireVisible(id, caller);
        return organizations.page(where("parentId").is(parent.id()), pageable);
    }

    /** The subtree below an organisation; {@code name}: those whose name contains it (the console's search). */
    Page<Organization> descendants(String id, OrganizationKind kind, String name, Pageable pageable,
            Caller caller) {
        Organization root = organizations.requireVisible(id, caller);
        Criteria criteria = OrganizationRepository.descendantsOf(root.path());
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (name != null && !name.isBlank()) {
            // Within the subtree's path range (the index bounds the read); the words are matched literally.
            criteria = criteria.and("name").regex(java.util.regex.Pattern.quote(name.strip()));
        }
        return organizations.page(criteria, pageable);
    }

    Organization update(String id, UpdateOrganization request, Caller caller) {
        Organization organization = organizations.requireVisible(id, caller);
        Organization parent = organizations.byId(organization.parentId()).orElse(null);
        organization.change(request.name().strip(), request.divisionCode(), request.workerTypes(),
                request.platforms(), parent, organizations.children(id), caller.subject(), clock.instant());
        return organizations.save(organization);
    }

    Organization move(String id, String newParentId, Caller caller) {
        Organization organization = organizations.requireVisible(id, caller);
        requireNotOwnRoot(organization, caller);
        Organization newParent = visibleParent(newParentId, caller, "newParentId");
        String oldPath = organization.path();
        List<String> oldAncestors = organization.ancestorIds();
        if (!organization.moveUnder(newParent, caller.subject(), clock.instant())) {
            return organization;
        }
        Organization saved = organizations.save(organization);
        paths.rewrite(oldPath, saved.path());
        tallies.moveSubtree(saved.id(), oldAncestors, saved.ancestorIds());
        followers.forEach(follower -> follower.moved(saved));
        return saved;
    }

    void delete(String id, Caller caller) {
        Organization organization = organizations.requireVisible(id, caller);
        requireNotOwnRoot(organization, caller);
        if (organizations.hasChildren(id)) {
            throw conflict("organization-has-children", "The organisation still has child organisations.");
        }
        if (tallies.sum(id, Counters.MEMBERS) != 0) {
            throw conflict("organization-has-members", "The organisation still has members.");
        }
        if (organizations.isReferenced("companies", new Criteria().orOperator(where("organizationId").is(id),
                where("coveringOrganizationId").is(id)))) {
            throw conflict("organization-has-companies",
                    "Companies are still registered with or covered by the organisation.");
        }
        if (organizations.isReferenced("foundings", where("parentId").is(id).and("status").is("IN_PROGRESS"))) {
            throw conflict("organization-has-foundings", "A union founding under the organisation is in progress.");
        }
        organizations.delete(organization);
        tallies.add(Tally.idsOf(organization.path()),
                Map.of(Counters.ORGANIZATIONS + organization.kind().name(), -1L));
        tallies.forget(id);
        followers.forEach(follower -> follower.deleted(organization));
    }

    private Organization visibleParent(String parentId, Caller caller, String field) {
        return organizations.byId(parentId)
                .filter(parent -> AccessScope.of(caller).coversOrgPath(parent.path()))
                .orElseThrow(() -> Organization.rule("unknown-parent", field,
                        "No organisation " + parentId + " in your scope."));
    }

    private static void requireNotOwnRoot(Organization organization, Caller caller) {
        if (!caller.isAdmin() && organization.path().equals(caller.orgPath())) {
            throw new AccessDeniedException("Only an administrator moves or deletes the root of a scope.");
        }
    }

    private static PlatformProblemException conflict(String rule, String detail) {
        return new ConflictException(detail).with("rule", rule);
    }
}

package org.unionplatform.organization.standard;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Assessing unions against the standard: the union (an organizer whose scope reaches it) submits, the federation
 * one level up (an organizer whose scope reaches the union's parent) confirms or returns; a confirmed pass of a
 * union created within the window allocates the reward fund's amount to it, once.
 */
@Service
@EnableConfigurationProperties(StandardProperties.class)
public class StandardAssessments {

    /** Federations by level set the standard for the unions below; they are not assessed against it. */
    static final Set<OrganizationKind> ASSESSED = EnumSet.of(OrganizationKind.ENTERPRISE_UNION,
            OrganizationKind.JOINT_UNION, OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.REGIONAL_UNION,
            OrganizationKind.PLATFORM_UNION);

    private final MongoTemplate mongo;
    private final OrganizationRepository organizations;
    private final StandardProperties standard;
    private final Clock clock;

    StandardAssessments(MongoTemplate mongo, OrganizationRepository organizations, StandardProperties standard,
            Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.standard = standard;
        this.clock = clock;
    }

    List<StandardProperties.Item> standard() {
        return standard.items();
    }

    long rewardPerUnion() {
        return standard.rewardPerUnion();
    }

    StandardAssessment submit(String organizationId, Map<String, Boolean> results, String notes, Caller caller) {
        Organization union = organizations.requireVisible(organizationId, caller);
        if (!ASSESSED.contains(union.kind())) {
            throw new BusinessRuleViolationException("not-assessed", union.kind().label()
                    + " sets the standard for the unions below and is not assessed against it.");
        }
        if (mongo.exists(Query.query(where("organizationId").is(organizationId)
                .and("status").is(StandardAssessment.Status.SUBMITTED)), StandardAssessment.class)) {
            throw new ConflictException("An assessment of this union awaits the federation's check.")
                    .with("rule", "assessment-pending");
        }
        return mongo.insert(StandardAssessment.submit(UUID.randomUUID().toString(), organizationId, standard.items(),
                results, notes, caller.subject(), clock.instant()));
    }

    /** The union's assessments, newest first (404 when the union is out of scope). */
    List<StandardAssessment> history(String organizationId, Caller caller) {
        organizations.requireVisible(organizationId, caller);
        return mongo.find(Query.query(where("organizationId").is(organizationId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt")), StandardAssessment.class);
    }

    StandardAssessment confirm(String assessmentId, Caller caller) {
        StandardAssessment assessment = checkable(assessmentId, caller);
        Instant now = clock.instant();
        assessment.confirm(caller.subject(), now);
        assessment = mongo.save(assessment);
        Organization union = organizations.byId(assessment.organizationId()).orElseThrow();
        boolean isNew = union.createdAt() != null && !union.createdAt().plus(standard.newUnionWindow()).isBefore(now);
        if (assessment.passed() && isNew) {
            try {
                mongo.insert(new RewardAllocation(union.id(), standard.rewardPerUnion(), assessment.id(),
                        caller.subject(), now));
            } catch (DuplicateKeyException alreadyRewarded) {
                // a union is rewarded once
            }
        }
        return assessment;
    }

    StandardAssessment returnWith(String assessmentId, String reason, Caller caller) {
        StandardAssessment assessment = checkable(assessmentId, caller);
        assessment.returnWith(reason, caller.subject(), clock.instant());
        return mongo.save(assessment);
    }

    /** Allocations to the unions of the subtree, with each union's name and path. */
    record Allocated(RewardAllocation allocation, Organization union) {
    }

    List<Allocated> allocations(String organizationId, Caller caller) {
        Organization root = organizations.requireVisible(organizationId, caller);
        Map<String, Organization> subtree = organizations.subtree(root.path()).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        List<Allocated> allocated = new ArrayList<>();
        for (RewardAllocation allocation : mongo.find(Query.query(where("_id").in(subtree.keySet())),
                RewardAllocation.class)) {
            allocated.add(new Allocated(allocation, subtree.get(allocation.id())));
        }
        allocated.sort(Comparator.comparing((Allocated a) -> a.allocation().confirmedAt())
                .thenComparing(a -> a.allocation().id()));
        return allocated;
    }

    /**
     * The assessment, if the caller reaches the union's parent: the union cannot check itself. Out of the caller's
     * scope altogether: 404; the union's own organizer: 422 {@code checked-by-federation-above}.
     */
    private StandardAssessment checkable(String assessmentId, Caller caller) {
        StandardAssessment assessment = mongo.findById(assessmentId, StandardAssessment.class);
        AccessScope scope = AccessScope.of(caller);
        Organization union = assessment == null ? null : organizations.byId(assessment.organizationId()).orElse(null);
        if (union == null || !scope.coversOrgPath(union.path())) {
            throw new ResourceNotFoundException("Assessment", assessmentId);
        }
        String parentPath = organizations.byId(union.parentId()).map(Organization::path).orElse(null);
        if (parentPath == null || !scope.coversOrgPath(parentPath)) {
            throw new BusinessRuleViolationException("checked-by-federation-above",
                    "The federation one level up checks a union's assessment, not the union itself.");
        }
        return assessment;
    }
}

package org.unionplatform.organization.founding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.company.CompanyService;
import org.unionplatform.organization.founding.FoundingRequests.RecordStep;
import org.unionplatform.organization.founding.FoundingRequests.StartFounding;
import org.unionplatform.organization.progress.Counters;
import org.unionplatform.organization.progress.Tallies;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.OrganizationService;
import org.unionplatform.organization.tree.Organizations;

/**
 * Guides a union's founding through its fixed steps; recording the last one founds the union under its
 * parent (with the founding's id, so a retried completion finds it), links the companies and publishes
 * {@code organization.established}.
 */
@Service
class FoundingService {

    /** Federations by level are set up by the tree's owners, not founded by this workflow. */
    static final Set<OrganizationKind> FOUNDABLE = EnumSet.of(OrganizationKind.ENTERPRISE_UNION,
            OrganizationKind.JOINT_UNION, OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.REGIONAL_UNION,
            OrganizationKind.PLATFORM_UNION);

    private final MongoTemplate mongo;
    private final Organizations organizations;
    private final OrganizationService organizationService;
    private final CompanyService companies;
    private final Tallies tallies;
    private final Clock clock;

    FoundingService(MongoTemplate mongo, Organizations organizations, OrganizationService organizationService,
            CompanyService companies, Tallies tallies, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.companies = companies;
        this.tallies = tallies;
        this.clock = clock;
    }

    Founding start(StartFounding request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization parent = organizations.byId(request.parentId())
                .filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                .orElseThrow(() -> rule("unknown-parent", "parentId",
                        "No organisation " + request.parentId() + " in your scope."));
        if (!FOUNDABLE.contains(request.kind())) {
            throw rule("founding-kind", "kind", "A founding creates a grassroots union or an industry federation: "
                    + FOUNDABLE + ".");
        }
        OrganizationService.checkShape(request.kind(), request.divisionCode(), request.platforms(), parent);
        List<String> companyIds = request.companyIds() == null ? List.of()
                : request.companyIds().stream().distinct().toList();
        for (String companyId : companyIds) {
            try {
                companies.requireVisible(companyId, caller);
            } catch (PlatformProblemException notVisible) {
                throw rule("unknown-company", "companyIds", "No company " + companyId + " in your scope.");
            }
        }
        return mongo.insert(Founding.start(UUID.randomUUID().toString(), parent.id(), parent.path(),
                request.name().strip(), request.kind(), request.divisionCode(), request.workerTypes(),
                request.platforms(), companyIds, caller.subject(), clock.instant()));
    }

    Founding recordStep(String id, RecordStep request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Founding founding = requireVisible(id, caller);
        if (founding.status() == Founding.Status.COMPLETED) {
            throw new ConflictException("The union of this founding is already established.")
                    .with("rule", "founding-completed");
        }
        FoundingStep expected = founding.nextStep();
        if (request.step() != expected) {
            throw rule("founding-step-order", "step", "The steps are done in order; the next one is "
                    + expected + " (" + expected.label() + "), not " + request.step() + ".");
        }
        LocalDate today = LocalDate.now(clock.withZone(Tallies.ZONE));
        LocalDate previous = founding.lastStepDate();
        if (request.date().isAfter(today) || (previous != null && request.date().isBefore(previous))) {
            throw rule("founding-step-date", "date",
                    "A step's date is not in the future and not before the previous step's date.");
        }
        Instant now = clock.instant();
        founding.record(request.step(), request.date(), caller.subject(), blankToNull(request.note()), now);
        if (request.step().isLast()) {
            Organization union = found(founding, caller.subject());
            founding.completed(union.id(), now);
        }
        return mongo.save(founding);
    }

    private Organization found(Founding founding, String by) {
        Optional<Organization> existing = organizations.byId(founding.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Organization parent = organizations.byId(founding.parentId()).orElseThrow(() -> new ConflictException(
                "The parent organisation no longer exists.").with("rule", "unknown-parent"));
        Organization union = organizationService.create(founding.id(), new CreateOrganization(founding.name(),
                founding.kind(), founding.divisionCode(), founding.workerTypes(), founding.platforms(),
                parent.id()), parent, by, true);
        companies.linkToUnion(founding.companyIds(), union, by);
        tallies.add(Tallies.idsOf(union.path()), Map.of(Counters.UNIONS_FOUNDED, 1L),
                Tallies.monthOf(clock.instant()), Map.of(Counters.UNIONS_FOUNDED, 1L));
        return union;
    }

    Founding requireVisible(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(Optional.ofNullable(mongo.findById(id, Founding.class)),
                Founding::orgPath, "Founding", id);
    }

    Page<Founding> page(Criteria criteria, Pageable pageable) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, Founding.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Founding.class), pageable, total);
    }

    private static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.unionplatform.organization.founding;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.company.Companies;
import org.unionplatform.organization.company.CompanyRepository;
import org.unionplatform.organization.founding.FoundingRequests.Approve;
import org.unionplatform.organization.founding.FoundingRequests.RecordStep;
import org.unionplatform.organization.founding.FoundingRequests.StartFounding;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.Organizations;

/**
 * Guides a union's founding through its fixed steps ({@link Founding} keeps their order); the approval of the union
 * one level up founds the union under its parent (with the founding's id, so a retried approval finds it), links
 * the companies and publishes {@code organization.established}.
 */
@Service
class Foundings {

    private final FoundingRepository foundings;
    private final OrganizationRepository organizations;
    private final Organizations tree;
    private final CompanyRepository companyRepository;
    private final Companies companies;
    private final TallyRepository tallies;
    private final Clock clock;

    Foundings(FoundingRepository foundings, OrganizationRepository organizations, Organizations tree,
            CompanyRepository companyRepository, Companies companies, TallyRepository tallies, Clock clock) {
        this.foundings = foundings;
        this.organizations = organizations;
        this.tree = tree;
        this.companyRepository = companyRepository;
        this.companies = companies;
        this.tallies = tallies;
        this.clock = clock;
    }

    Founding start(StartFounding request, Caller caller) {
        Organization parent = organizations.byId(request.parentId())
                .filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                .orElseThrow(() -> Founding.rule("unknown-parent", "parentId",
                        "No organisation " + request.parentId() + " in your scope."));
        List<String> companyIds = request.companyIds() == null ? List.of()
                : request.companyIds().stream().distinct().toList();
        Founding founding = Founding.start(UUID.randomUUID().toString(), parent, request.name().strip(),
                request.kind(), request.divisionCode(), request.workerTypes(), request.platforms(), companyIds,
                caller.subject(), clock.instant());
        for (String companyId : companyIds) {
            try {
                companyRepository.requireVisible(companyId, caller);
            } catch (PlatformProblemException notVisible) {
                throw Founding.rule("unknown-company", "companyIds", "No company " + companyId + " in your scope.");
            }
        }
        return foundings.insert(founding);
    }

    Page<Founding> list(Founding.Status status, Pageable pageable, Caller caller) {
        Criteria criteria = AccessScope.of(caller).subtree("orgPath");
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, where("status").is(status));
        }
        return foundings.page(criteria, pageable);
    }

    Founding get(String id, Caller caller) {
        return foundings.requireVisible(id, caller);
    }

    Founding recordStep(String id, RecordStep request, Caller caller) {
        Founding founding = foundings.requireVisible(id, caller);
        Instant now = clock.instant();
        founding.record(request.step(), request.date(), LocalDate.ofInstant(now, ChinaTime.ZONE), caller.subject(),
                blankToNull(request.note()), now);
        return foundings.save(founding);
    }

    /**
     * The union one level up approves: the caller reaches the founding's parent (an organizer of that union or
     * above, or an administrator). The union is created now, counted as founded in the month of the approval's
     * date, its companies established, and {@code organization.established} tells the other services (membership
     * admits the members it held for it).
     */
    Founding approve(String id, Approve request, Caller caller) {
        Founding founding = foundings.requireVisible(id, caller);
        Instant now = clock.instant();
        founding.approve(request.date(), LocalDate.ofInstant(now, ChinaTime.ZONE), caller.subject(),
                blankToNull(request.note()), now);
        founding.founded(found(founding, YearMonth.from(request.date()), caller.subject()).id());
        return foundings.save(founding);
    }

    private Organization found(Founding founding, YearMonth month, String by) {
        Optional<Organization> existing = organizations.byId(founding.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Organization parent = organizations.byId(founding.parentId()).orElseThrow(() -> new ConflictException(
                "The parent organisation no longer exists.").with("rule", "unknown-parent"));
        Organization union = tree.create(founding.id(), new CreateOrganization(founding.name(), founding.kind(),
                founding.divisionCode(), founding.workerTypes(), founding.platforms(), parent.id()), parent, by, true);
        companies.linkToUnion(founding.companyIds(), union, by);
        tallies.add(Tally.idsOf(union.path()), Map.of(Counters.UNIONS_FOUNDED, 1L), month,
                Map.of(Counters.UNIONS_FOUNDED, 1L));
        return union;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

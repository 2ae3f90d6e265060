package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.organization.company.CompanyRequests.ChangeStatus;
import org.unionplatform.organization.company.CompanyRequests.RegisterCompany;
import org.unionplatform.organization.company.CompanyRequests.UpdateCompany;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Surveying companies and moving them along the union-building pipeline, organizers in their subtree; the
 * pipeline's rules live in {@link Company}. Every status change is counted in the tallies of the tree.
 */
@Service
public class Companies {

    private final CompanyRepository companies;
    private final OrganizationRepository organizations;
    private final TallyRepository tallies;
    private final Clock clock;

    Companies(CompanyRepository companies, OrganizationRepository organizations, TallyRepository tallies,
            Clock clock) {
        this.companies = companies;
        this.organizations = organizations;
        this.tallies = tallies;
        this.clock = clock;
    }

    Company register(RegisterCompany request, Caller caller) {
        Organization organization = organizations.byId(request.organizationId())
                .filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                .orElseThrow(() -> Company.rule("unknown-organization", "organizationId",
                        "No organisation " + request.organizationId() + " in your scope."));
        if (request.parentCompanyId() != null) {
            companies.byId(request.parentCompanyId())
                    .filter(c -> AccessScope.of(caller).coversOrgPath(c.orgPath()))
                    .orElseThrow(() -> Company.rule("unknown-company", "parentCompanyId",
                            "No company " + request.parentCompanyId() + " in your scope."));
        }
        return register(UUID.randomUUID().toString(), request, organization, caller.subject());
    }

    /** Registers a company under a (checked) organisation; the demo data uses it too. */
    public Company register(String id, RegisterCompany request, Organization organization, String by) {
        if (request.creditCode() != null && companies.creditCodeTaken(request.creditCode())) {
            throw new ConflictException("A company with this unified social credit code is already registered.")
                    .with("rule", "credit-code-unique").with("field", "creditCode");
        }
        Company company = companies.insert(Company.register(id, request.creditCode(), request.name().strip(),
                request.type(), blankToNull(request.platform()), request.parentCompanyId(), request.divisionCode(),
                organization, request.headcount(), Boolean.TRUE.equals(request.keyPlatform()), by,
                clock.instant()));
        tallies.add(Tally.idsOf(company.orgPath()), Map.of(Counters.COMPANIES + company.status().name(), 1L));
        return company;
    }

    /**
     * Demo data: registers a company that already went through the pipeline up to {@code reached} on the given
     * dates (one per status). Publishes nothing: the history is the past, not a change happening now.
     */
    public Company registerWithHistory(String id, RegisterCompany request, Organization organization,
            CompanyStatus reached, String coveringOrganizationId, List<Instant> dates, String by) {
        Company company = Company.register(id == null ? UUID.randomUUID().toString() : id, request.creditCode(),
                request.name(), request.type(), blankToNull(request.platform()), request.parentCompanyId(),
                request.divisionCode(), organization, request.headcount(),
                Boolean.TRUE.equals(request.keyPlatform()), by, dates.getFirst());
        company.seedHistory(reached, coveringOrganizationId, by, dates);
        Company saved = companies.insert(company);
        tallies.add(Tally.idsOf(saved.orgPath()), Map.of(Counters.COMPANIES + reached.name(), 1L));
        return saved;
    }

    /** Demo data: a follow-up recorded at a past time. */
    public void seedFollowUp(String companyId, String by, String note, Instant at) {
        Company company = companies.byId(companyId).orElseThrow();
        company.followUp(by, note, at);
        companies.save(company);
    }

    Page<Company> list(CompanyStatus status, CompanyType type, String organizationId, Pageable pageable,
            Caller caller) {
        Criteria criteria = AccessScope.of(caller).subtree("orgPath");
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, where("status").is(status));
        }
        if (type != null) {
            criteria = new Criteria().andOperator(criteria, where("type").is(type));
        }
        if (organizationId != null) {
            criteria = new Criteria().andOperator(criteria, where("organizationId").is(organizationId));
        }
        return companies.page(criteria, pageable);
    }

    Company get(String id, Caller caller) {
        return companies.requireVisible(id, caller);
    }

    Company update(String id, UpdateCompany request, Caller caller) {
        Company company = companies.requireVisible(id, caller);
        company.change(request.name().strip(), blankToNull(request.platform()), request.headcount(),
                Boolean.TRUE.equals(request.keyPlatform()));
        return companies.save(company);
    }

    Company changeStatus(String id, ChangeStatus request, Caller caller) {
        Company company = companies.requireVisible(id, caller);
        CompanyStatus previous = company.status();
        String covering = request.coveringOrganizationId();
        company.advance(request.status(), covering, caller.subject(), request.note(), clock.instant());
        // Checked after the pipeline's own rules (a wrong step is the first thing to tell), before anything is saved.
        if (covering != null) {
            organizations.byId(covering).filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                    .orElseThrow(() -> Company.rule("unknown-organization", "coveringOrganizationId",
                            "No organisation " + covering + " in your scope."));
        }
        return saveCounted(company, previous);
    }

    /** The founding of a union completed: its companies are established and covered by it. */
    public void linkToUnion(List<String> companyIds, Organization union, String by) {
        for (String companyId : companyIds) {
            companies.byId(companyId).ifPresent(company -> {
                CompanyStatus previous = company.status();
                company.unionFounded(union.id(), union.name(), by, clock.instant());
                saveCounted(company, previous);
            });
        }
    }

    private Company saveCounted(Company company, CompanyStatus previous) {
        Company saved = companies.save(company);
        if (saved.status() != previous) {
            tallies.add(Tally.idsOf(saved.orgPath()), Map.of(Counters.COMPANIES + previous.name(), -1L,
                    Counters.COMPANIES + saved.status().name(), 1L));
        }
        return saved;
    }

    Company followUp(String id, String note, Caller caller) {
        Company company = companies.requireVisible(id, caller);
        company.followUp(caller.subject(), note.strip(), clock.instant());
        return companies.save(company);
    }

    Company nameLiaison(String id, String name, Caller caller) {
        Company company = companies.requireVisible(id, caller);
        company.nameLiaison(name.strip(), caller.subject(), clock.instant());
        return companies.save(company);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

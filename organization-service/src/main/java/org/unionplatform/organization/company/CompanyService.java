package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.unionplatform.organization.company.CompanyRequests.ChangeStatus;
import org.unionplatform.organization.company.CompanyRequests.RegisterCompany;
import org.unionplatform.organization.company.CompanyRequests.UpdateCompany;
import org.unionplatform.organization.progress.Counters;
import org.unionplatform.organization.progress.Tallies;
import org.unionplatform.organization.reference.DivisionCodes;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.Organizations;

/** Surveying companies and moving them along the union-building pipeline; organizers in their subtree. */
@Service
public class CompanyService {

    private final MongoTemplate mongo;
    private final Organizations organizations;
    private final Tallies tallies;
    private final Clock clock;

    CompanyService(MongoTemplate mongo, Organizations organizations, Tallies tallies, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.tallies = tallies;
        this.clock = clock;
    }

    Company register(RegisterCompany request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization organization = organizations.byId(request.organizationId())
                .filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                .orElseThrow(() -> rule("unknown-organization", "organizationId",
                        "No organisation " + request.organizationId() + " in your scope."));
        if (request.parentCompanyId() != null) {
            requireVisible(request.parentCompanyId(), caller, "parentCompanyId");
        }
        return register(UUID.randomUUID().toString(), request, organization, caller.subject());
    }

    /** Registers a company under a (checked) organisation; the demo data uses it too. */
    public Company register(String id, RegisterCompany request, Organization organization, String by) {
        if (request.creditCode() == null && request.type() != CompanyType.OUTLET) {
            throw rule("credit-code-required", "creditCode",
                    "Every company but an outlet has a unified social credit code.");
        }
        if (request.creditCode() != null
                && mongo.exists(Query.query(where("creditCode").is(request.creditCode())), Company.class)) {
            throw new ConflictException("A company with this unified social credit code is already registered.")
                    .with("rule", "credit-code-unique").with("field", "creditCode");
        }
        if (!DivisionCodes.contains(organization.divisionCode(), request.divisionCode())) {
            throw rule("division-within-organization", "divisionCode",
                    "The company's division must lie within its organisation's division "
                            + organization.divisionCode() + ".");
        }
        Company company = mongo.insert(Company.register(id, request.creditCode(), request.name().strip(),
                request.type(), blankToNull(request.platform()), request.parentCompanyId(), request.divisionCode(),
                organization.id(), organization.path(), request.headcount(),
                Boolean.TRUE.equals(request.keyPlatform()), by, clock.instant()));
        tallies.add(Tallies.idsOf(company.orgPath()), Map.of(Counters.COMPANIES + company.status().name(), 1L));
        return company;
    }

    /**
     * Demo data: registers a company that already went through the pipeline up to {@code reached} on the given
     * dates (one per status). Publishes nothing: the history is the past, not a change happening now.
     */
    public Company registerWithHistory(String id, RegisterCompany request, Organization organization,
            CompanyStatus reached, String coveringOrganizationId, List<Instant> dates, String by) {
        Company company = Company.register(id == null ? UUID.randomUUID().toString() : id, request.creditCode(),
                request.name(), request.type(),
                blankToNull(request.platform()), request.parentCompanyId(), request.divisionCode(),
                organization.id(), organization.path(), request.headcount(),
                Boolean.TRUE.equals(request.keyPlatform()), by, dates.getFirst());
        company.seedHistory(reached, coveringOrganizationId, by, dates);
        Company saved = mongo.insert(company);
        tallies.add(Tallies.idsOf(saved.orgPath()), Map.of(Counters.COMPANIES + reached.name(), 1L));
        return saved;
    }

    /** Demo data: a follow-up recorded at a past time. */
    public void seedFollowUp(String companyId, String by, String note, Instant at) {
        Company company = mongo.findById(companyId, Company.class);
        company.followUp(by, note, at);
        mongo.save(company);
    }

    Company update(String id, UpdateCompany request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Company company = requireVisible(id, caller);
        company.change(request.name().strip(), blankToNull(request.platform()), request.headcount(),
                Boolean.TRUE.equals(request.keyPlatform()));
        return mongo.save(company);
    }

    Company changeStatus(String id, ChangeStatus request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Company company = requireVisible(id, caller);
        if (!request.status().isNextAfter(company.status())) {
            throw rule("status-order", "status", "A company moves one step at a time: "
                    + "SURVEYED -> GUIDED -> PREPARING -> ESTABLISHED; it is " + company.status() + ".");
        }
        String covering = request.coveringOrganizationId();
        if (covering != null) {
            organizations.byId(covering).filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                    .orElseThrow(() -> rule("unknown-organization", "coveringOrganizationId",
                            "No organisation " + covering + " in your scope."));
        }
        if (request.status() == CompanyStatus.ESTABLISHED && covering == null
                && company.coveringOrganizationId() == null) {
            throw rule("established-needs-union", "coveringOrganizationId",
                    "An established company names the union that covers it.");
        }
        return moveTo(company, request.status(), covering, caller.subject(), request.note());
    }

    /** The founding of a union completed: its companies are established and covered by it. */
    public void linkToUnion(List<String> companyIds, Organization union, String by) {
        for (String companyId : companyIds) {
            Company company = mongo.findById(companyId, Company.class);
            if (company == null) {
                continue;
            }
            if (company.status() == CompanyStatus.ESTABLISHED) {
                company.coveredBy(union.id());
                mongo.save(company);
            } else {
                moveTo(company, CompanyStatus.ESTABLISHED, union.id(), by, "工会成立：" + union.name());
            }
        }
    }

    private Company moveTo(Company company, CompanyStatus next, String covering, String by, String note) {
        CompanyStatus previous = company.status();
        company.moveTo(next, covering, by, note, clock.instant());
        Company saved = mongo.save(company);
        tallies.add(Tallies.idsOf(saved.orgPath()), Map.of(Counters.COMPANIES + previous.name(), -1L,
                Counters.COMPANIES + next.name(), 1L));
        return saved;
    }

    Company followUp(String id, String note, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Company company = requireVisible(id, caller);
        company.followUp(caller.subject(), note.strip(), clock.instant());
        return mongo.save(company);
    }

    public Company requireVisible(String id, Caller caller) {
        return requireVisible(id, caller, null);
    }

    private Company requireVisible(String id, Caller caller, String field) {
        Optional<Company> found = Optional.ofNullable(mongo.findById(id, Company.class));
        if (field == null) {
            return AccessScope.of(caller).requireInSubtree(found, Company::orgPath, "Company", id);
        }
        return found.filter(c -> AccessScope.of(caller).coversOrgPath(c.orgPath()))
                .orElseThrow(() -> rule("unknown-company", field, "No company " + id + " in your scope."));
    }

    public Optional<Company> byCreditCode(String creditCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("creditCode").is(creditCode)), Company.class));
    }

    Page<Company> page(Criteria criteria, Pageable pageable) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, Company.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Company.class), pageable, total);
    }

    Instant now() {
        return clock.instant();
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

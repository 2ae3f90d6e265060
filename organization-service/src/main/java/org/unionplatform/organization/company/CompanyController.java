package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.company.CompanyRequests.ChangeStatus;
import org.unionplatform.organization.company.CompanyRequests.CompanyResponse;
import org.unionplatform.organization.company.CompanyRequests.RecordFollowUp;
import org.unionplatform.organization.company.CompanyRequests.RegisterCompany;
import org.unionplatform.organization.company.CompanyRequests.UpdateCompany;
import org.unionplatform.organization.company.CompanyRequests.WatchListEntry;
import org.unionplatform.organization.founding.FoundingProgress;
import org.unionplatform.organization.progress.Tallies;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Companies. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER in scope. */
@RestController
@RequestMapping("/api/organizations/companies")
class CompanyController {

    private final CompanyService service;
    private final FoundingProgress foundings;

    CompanyController(CompanyService service, FoundingProgress foundings) {
        this.service = service;
        this.foundings = foundings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CompanyResponse register(@Valid @RequestBody RegisterCompany request, Caller caller) {
        return CompanyResponse.of(service.register(request, caller));
    }

    @GetMapping
    PageResponse<CompanyResponse> list(@RequestParam(required = false) CompanyStatus status,
            @RequestParam(required = false) CompanyType type,
            @RequestParam(required = false) @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @Valid PageQuery page, Caller caller) {
        Criteria criteria = readable(caller).subtree("orgPath");
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, where("status").is(status));
        }
        if (type != null) {
            criteria = new Criteria().andOperator(criteria, where("type").is(type));
        }
        if (organizationId != null) {
            criteria = new Criteria().andOperator(criteria, where("organizationId").is(organizationId));
        }
        return PageResponse.of(service.page(criteria, page.toPageRequest(Sort.by("name", "_id"))),
                CompanyResponse::of);
    }

    /**
     * The weekly watch list: key platform companies in scope, the least recently followed first, with how far
     * their union building and founding have come.
     */
    @GetMapping("/watch-list")
    PageResponse<WatchListEntry> watchList(@Valid PageQuery page, Caller caller) {
        Criteria criteria = new Criteria().andOperator(readable(caller).subtree("orgPath"),
                where("keyPlatform").is(true));
        Page<Company> companies = service.page(criteria, page.toPageRequest(Sort.by("lastFollowUpAt", "_id")));
        Map<String, FoundingProgress.Progress> progress =
                foundings.inProgressFor(companies.getContent().stream().map(Company::id).toList());
        Instant now = service.now();
        Instant weekStart = LocalDate.ofInstant(now, Tallies.ZONE)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(Tallies.ZONE).toInstant();
        return PageResponse.of(companies, company -> {
            FoundingProgress.Progress founding = progress.get(company.id());
            Instant last = company.lastFollowUpAt();
            List<Company.StatusChange> history = company.statusHistory();
            return new WatchListEntry(company.id(), company.name(), company.platform(), company.orgPath(),
                    company.status(), company.status().label(),
                    history.isEmpty() ? company.createdAt() : history.getLast().at(), company.totalHeadcount(),
                    company.coveringOrganizationId(), last, last != null && !last.isBefore(weekStart),
                    last == null ? null : Duration.between(last, now).toDays(),
                    founding == null ? null : founding.foundingId(), founding == null ? null : founding.stepsDone(),
                    founding == null ? null : founding.steps(), founding == null ? null : founding.nextStep());
        });
    }

    @GetMapping("/{id}")
    CompanyResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        readable(caller);
        return CompanyResponse.of(service.requireVisible(id, caller));
    }

    @PutMapping("/{id}")
    CompanyResponse update(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody UpdateCompany request, Caller caller) {
        return CompanyResponse.of(service.update(id, request, caller));
    }

    @PostMapping("/{id}/status")
    CompanyResponse changeStatus(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody ChangeStatus request, Caller caller) {
        return CompanyResponse.of(service.changeStatus(id, request, caller));
    }

    @PostMapping("/{id}/follow-ups")
    CompanyResponse followUp(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody RecordFollowUp request, Caller caller) {
        return CompanyResponse.of(service.followUp(id, request.note(), caller));
    }

    private static AccessScope readable(Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ADMIN, Role.ORGANIZER, Role.BENEFIT_OFFICER);
        return scope;
    }
}

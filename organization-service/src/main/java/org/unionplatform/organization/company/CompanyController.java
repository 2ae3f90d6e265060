package org.unionplatform.organization.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.company.CompanyRequests.ChangeStatus;
import org.unionplatform.organization.company.CompanyRequests.CompanyResponse;
import org.unionplatform.organization.company.CompanyRequests.RecordFollowUp;
import org.unionplatform.organization.company.CompanyRequests.RegisterCompany;
import org.unionplatform.organization.company.CompanyRequests.UpdateCompany;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Companies. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER in scope. */
@RestController
@RequestMapping("/api/organizations/companies")
class CompanyController {

    private static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";
    private static final String WRITERS = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Companies companies;

    CompanyController(Companies companies) {
        this.companies = companies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    CompanyResponse register(@Valid @RequestBody RegisterCompany request, Caller caller) {
        return CompanyResponse.of(companies.register(request, caller));
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<CompanyResponse> list(@RequestParam(required = false) CompanyStatus status,
            @RequestParam(required = false) CompanyType type,
            @RequestParam(required = false) @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(companies.list(status, type, organizationId,
                page.toPageRequest(Sort.by("name", "_id")), caller), CompanyResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    CompanyResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return CompanyResponse.of(companies.get(id, caller));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    CompanyResponse update(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody UpdateCompany request, Caller caller) {
        return CompanyResponse.of(companies.update(id, request, caller));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(WRITERS)
    CompanyResponse changeStatus(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody ChangeStatus request, Caller caller) {
        return CompanyResponse.of(companies.changeStatus(id, request, caller));
    }

    /** Names the organizer who follows this key platform company week by week. */
    @PutMapping("/{id}/liaison")
    @PreAuthorize(WRITERS)
    CompanyResponse nameLiaison(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody CompanyRequests.NameLiaison request, Caller caller) {
        return CompanyResponse.of(companies.nameLiaison(id, request.name(), caller));
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(WRITERS)
    CompanyResponse followUp(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody RecordFollowUp request, Caller caller) {
        return CompanyResponse.of(companies.followUp(id, request.note(), caller));
    }
}

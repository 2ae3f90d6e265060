package org.unionplatform.organization.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unionplatform.organization.company.Company;
import org.unionplatform.organization.company.CompanyRepository;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.reference.DivisionCodes;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Finds the grassroots union that handles a worker's application, most specific rule first:
 * the company's own union, then a platform-based union, then the industry federation for the worker type,
 * then the district/street federation of the division. Within a rule the organisation with the most specific
 * division wins (county before city before province), then the lowest id, so the answer is deterministic.
 */
@Component
class Dispatcher {

    record Decision(Organization organization, DispatchRule rule) {
    }

    private static final List<OrganizationKind> REGIONAL =
            List.of(OrganizationKind.DISTRICT_FEDERATION, OrganizationKind.STREET_FEDERATION);

    private final OrganizationRepository organizations;
    private final CompanyRepository companies;

    Dispatcher(OrganizationRepository organizations, CompanyRepository companies) {
        this.organizations = organizations;
        this.companies = companies;
    }

    Optional<Decision> dispatch(String platform, String companyCreditCode, String divisionCode, String workerType) {
        Optional<Company> company = Optional.ofNullable(companyCreditCode).flatMap(companies::byCreditCode);
        Optional<Decision> decision = company.filter(c -> c.status() == CompanyStatus.ESTABLISHED)
                .flatMap(c -> organizations.byId(c.coveringOrganizationId()))
                .map(union -> new Decision(union, DispatchRule.COMPANY_UNION));
        if (decision.isPresent()) {
            return decision;
        }
        String effectivePlatform = platform != null ? platform : company.map(Company::platform).orElse(null);
        List<String> areas = DivisionCodes.selfAndEnclosing(divisionCode);
        if (effectivePlatform != null) {
            decision = mostSpecific(organizations.matching(where("kind").is(OrganizationKind.PLATFORM_UNION)
                    .and("platforms").is(effectivePlatform).and("workerTypes").is(workerType)
                    .and("divisionCode").in(areas)), divisionCode, DispatchRule.PLATFORM_UNION);
            if (decision.isPresent()) {
                return decision;
            }
        }
        decision = mostSpecific(organizations.matching(where("kind").is(OrganizationKind.INDUSTRY_FEDERATION)
                .and("workerTypes").is(workerType).and("divisionCode").in(areas)), divisionCode,
                DispatchRule.INDUSTRY_FEDERATION);
        if (decision.isPresent()) {
            return decision;
        }
        // Street unions carry their district's code (GB/T 2260 stops at county level), so a six-digit code
        // cannot tell streets apart: the district federation is preferred, a street only if it is alone.
        return organizations.matching(where("kind").in(REGIONAL).and("divisionCode").is(divisionCode)).stream()
                .min(Comparator.comparing((Organization o) -> REGIONAL.indexOf(o.kind()))
                        .thenComparing(Organization::id))
                .map(o -> new Decision(o, DispatchRule.REGIONAL_FEDERATION));
    }

    private static Optional<Decision> mostSpecific(List<Organization> candidates, String divisionCode,
            DispatchRule rule) {
        List<String> areas = DivisionCodes.selfAndEnclosing(divisionCode);
        return candidates.stream()
                .min(Comparator.comparing((Organization o) -> areas.indexOf(o.divisionCode()))
                        .thenComparing(Organization::id))
                .map(o -> new Decision(o, rule));
    }
}

package org.unionplatform.organization.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.reference.Place;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.company.Company;
import org.unionplatform.organization.company.CompanyRepository;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.station.KnownStations;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Finds where a worker's application goes, most specific rule first (docs/organizations.md): the union that runs the
 * station the worker joined at (a Drivers' Home, when it admits members and takes the worker type), the company's own
 * union, a platform-based union (platform names compared through {@link KnownPlatforms}), the industry federation
 * for the worker type, the joint union of the worker's street or town (9-digit township code), a joint union of
 * the county or above; these admit members. City, province and county federations never admit: when nothing
 * matched, the county-level federation of the place (else the nearest city or province federation) takes the
 * application into its re-assignment queue. Within a rule the most specific area wins, then the organisation
 * created last (a union newly set up for a place takes over from an older one with the same code), then the
 * smallest id, so the answer is deterministic.
 */
@Component
class Dispatcher {

    /** @param reason why this organisation, in Chinese, recorded on the application */
    record Decision(Organization organization, DispatchRule rule, String reason) {
    }

    private static final Set<OrganizationKind> ADMITTING_LOCAL = Set.of(OrganizationKind.JOINT_UNION,
            OrganizationKind.REGIONAL_UNION);
    /** In this order of preference for a street: its joint union, a regional union, the street's own union. */
    private static final List<OrganizationKind> STREET = List.of(OrganizationKind.JOINT_UNION,
            OrganizationKind.REGIONAL_UNION, OrganizationKind.STREET_FEDERATION);
    private static final Set<OrganizationKind> FEDERATIONS = Set.of(OrganizationKind.DISTRICT_FEDERATION,
            OrganizationKind.CITY_FEDERATION, OrganizationKind.PROVINCE_FEDERATION);
    private static final Set<OrganizationKind> CANDIDATES = Set.of(OrganizationKind.PLATFORM_UNION,
            OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.JOINT_UNION, OrganizationKind.REGIONAL_UNION,
            OrganizationKind.STREET_FEDERATION, OrganizationKind.DISTRICT_FEDERATION,
            OrganizationKind.CITY_FEDERATION, OrganizationKind.PROVINCE_FEDERATION);

    /** Kinds that admit members themselves, so a station they run may take in the workers who join there. */
    private static final Set<OrganizationKind> ADMITTING = Set.of(OrganizationKind.PLATFORM_UNION,
            OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.JOINT_UNION, OrganizationKind.REGIONAL_UNION,
            OrganizationKind.STREET_FEDERATION, OrganizationKind.ENTERPRISE_UNION);

    private final OrganizationRepository organizations;
    private final CompanyRepository companies;
    private final KnownPlatforms platforms;
    private final WorkerTypes workerTypes;
    private final KnownStations stations;

    Dispatcher(OrganizationRepository organizations, CompanyRepository companies, KnownPlatforms platforms,
            WorkerTypes workerTypes, KnownStations stations) {
        this.organizations = organizations;
        this.companies = companies;
        this.platforms = platforms;
        this.workerTypes = workerTypes;
        this.stations = stations;
    }

    /**
     * @param stationId the station the worker joined at, or null; a station this service does not know (or whose
     *                  union does not admit the worker type) leaves the other rules to decide
     */
    Optional<Decision> dispatch(String stationId, String platform, String companyCreditCode, String divisionCode,
            String workerType) {
        Optional<Decision> atStation = Optional.ofNullable(stationId).flatMap(stations::byId)
                .flatMap(station -> organizations.byId(station.organizationId())
                        .filter(o -> ADMITTING.contains(o.kind()) && o.workerTypes().contains(workerType))
                        .map(o -> new Decision(o, DispatchRule.STATION, "在「" + station.name() + "」入会，由运营该站点的"
                                + o.name() + "接收")));
        if (atStation.isPresent()) {
            return atStation;
        }
        return dispatch(platform, companyCreditCode, divisionCode, workerType);
    }

    private Optional<Decision> dispatch(String platform, String companyCreditCode, String divisionCode,
            String workerType) {
        Optional<Company> company = Optional.ofNullable(companyCreditCode).flatMap(companies::byCreditCode);
        Optional<Decision> decision = company.filter(c -> c.status() == CompanyStatus.ESTABLISHED)
                .flatMap(c -> organizations.byId(c.coveringOrganizationId()).map(union -> new Decision(union,
                        DispatchRule.COMPANY_UNION, "所在企业「" + c.name() + "」已建会，由企业工会接收")));
        if (decision.isPresent()) {
            return decision;
        }
        String effectivePlatform = platform != null ? platform : company.map(Company::platform).orElse(null);
        List<String> areas = DivisionCodes.selfAndEnclosing(divisionCode);
        // One query for every rule below: the organisations of these kinds in the place and the areas around it.
        List<Organization> around = organizations.matching(where("kind").in(CANDIDATES).and("divisionCode").in(areas));
        Predicate<Organization> takesType = o -> o.workerTypes().contains(workerType);
        String label = workerTypes.label(workerType);
        if (effectivePlatform != null) {
            String wanted = platforms.canonical(effectivePlatform);
            decision = mostSpecific(around, areas, o -> o.kind() == OrganizationKind.PLATFORM_UNION
                    && takesType.test(o) && o.platforms().stream().anyMatch(p -> platforms.canonical(p).equals(wanted)))
                    .map(o -> new Decision(o, DispatchRule.PLATFORM_UNION, "依托平台「" + effectivePlatform
                            + "」组建的工会，接收" + placeName(o.divisionCode()) + "的" + label));
            if (decision.isPresent()) {
                return decision;
            }
        }
        decision = mostSpecific(around, areas, o -> o.kind() == OrganizationKind.INDUSTRY_FEDERATION
                && takesType.test(o)).map(o -> new Decision(o, DispatchRule.INDUSTRY_FEDERATION,
                        placeName(o.divisionCode()) + label + "的行业工会联合会"));
        if (decision.isPresent()) {
            return decision;
        }
        if (DivisionCodes.level(divisionCode) == DivisionCodes.Level.TOWNSHIP) {
            decision = around.stream()
                    .filter(o -> o.divisionCode().equals(divisionCode) && STREET.contains(o.kind()) && takesType.test(o))
                    .min(Comparator.comparing((Organization o) -> STREET.indexOf(o.kind())).thenComparing(NEWEST))
                    .map(o -> new Decision(o, DispatchRule.STREET_UNION, "所在街道（镇）" + placeName(divisionCode)
                            + "的" + (o.kind() == OrganizationKind.JOINT_UNION ? "联合工会" : "工会")));
            if (decision.isPresent()) {
                return decision;
            }
        }
        decision = mostSpecific(around, areas, o -> ADMITTING_LOCAL.contains(o.kind()) && takesType.test(o))
                .map(o -> new Decision(o, DispatchRule.JOINT_UNION, placeName(o.divisionCode()) + "的联合工会"));
        if (decision.isPresent()) {
            return decision;
        }
        return mostSpecific(around, areas, o -> FEDERATIONS.contains(o.kind()))
                .map(o -> new Decision(o, DispatchRule.REASSIGNMENT, placeName(divisionCode) + "没有接收" + label
                        + "的企业、平台、行业或街道工会，转" + o.name() + "重新分派"));
    }

    private static final Comparator<Organization> NEWEST = Comparator
            .comparing((Organization o) -> o.createdAt() == null ? Instant.MIN : o.createdAt()).reversed()
            .thenComparing(Organization::id);

    private static Optional<Organization> mostSpecific(List<Organization> around, List<String> areas,
            Predicate<Organization> rule) {
        return around.stream().filter(rule)
                .min(Comparator.comparing((Organization o) -> areas.indexOf(o.divisionCode())).thenComparing(NEWEST));
    }

    private static String placeName(String code) {
        Places places = Places.shipped();
        return places.find(code).map(place -> String.join("", places.path(place).stream().map(Place::name).toList()))
                .orElse(code);
    }
}

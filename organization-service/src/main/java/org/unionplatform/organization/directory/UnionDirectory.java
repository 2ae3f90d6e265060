package org.unionplatform.organization.directory;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.reference.Place;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Searches the directory and keeps the contact details it shows. A place is a division or township code, or a
 * place name (碑林区, 碑林, 柏树林街道): the name is looked up in the shipped places, the province's larger units
 * first, and the search covers everything within that place.
 */
@Service
public class UnionDirectory {

    /** City and province federations direct the unions below them; a worker is sent to those. */
    static final List<OrganizationKind> LISTED = List.of(OrganizationKind.DISTRICT_FEDERATION,
            OrganizationKind.STREET_FEDERATION, OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.JOINT_UNION,
            OrganizationKind.ENTERPRISE_UNION, OrganizationKind.REGIONAL_UNION, OrganizationKind.PLATFORM_UNION);

    private final MongoOperations mongo;
    private final OrganizationRepository organizations;
    private final Places places = Places.shipped();
    private final Clock clock;

    UnionDirectory(MongoOperations mongo, OrganizationRepository organizations, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The place a search text names: a code as given, else the first place whose name contains the text. */
    Optional<Place> place(String text) {
        String wanted = text.strip();
        if (wanted.chars().allMatch(Character::isDigit)) {
            if (!DivisionCodes.isValidPlace(wanted)) {
                throw new BusinessRuleViolationException("unknown-place", "No place has the code " + wanted + ".")
                        .with("field", "place");
            }
            return Optional.of(places.find(wanted).orElse(new Place(wanted, wanted, Place.Level.COUNTY, null)));
        }
        List<Place> found = new ArrayList<>();
        collect(null, wanted, found);
        return found.stream().min(Comparator.comparing(Place::level).thenComparing(Place::code));
    }

    private void collect(String parent, String wanted, List<Place> found) {
        for (Place place : places.children(parent)) {
            if (place.name().contains(wanted)) {
                found.add(place);
            }
            collect(place.code(), wanted, found);
        }
    }

    /** Unions within the place (if any) taking in the platform's workers (if named), in tree order. */
    Page<Organization> search(Optional<Place> place, String platform, String workerType, Pageable pageable) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(where("kind").in(LISTED));
        place.ifPresent(at -> conditions.add(where("divisionCode").regex("^" + Pattern.quote(
                DivisionCodes.prefix(at.code())))));
        if (platform != null && !platform.isBlank()) {
            conditions.add(where("platforms").is(platform.strip()));
        }
        if (workerType != null && !workerType.isBlank()) {
            conditions.add(where("workerTypes").is(workerType.strip()));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        long total = mongo.count(query, Organization.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Organization.class), pageable, total);
    }

    /** The place names from the province down to the union's own division: 陕西省 西安市 碑林区. */
    String placeName(String divisionCode) {
        return places.find(divisionCode).map(found -> String.join(" ", places.path(found).stream()
                .map(Place::name).toList())).orElse(divisionCode);
    }

    /** The demo data's way in: the contact details of a union it has just created. */
    public void enterContact(String organizationId, Organization.Contact contact, String by) {
        organizations.byId(organizationId).ifPresent(organization -> {
            organization.changeContact(contact, by, clock.instant());
            organizations.save(organization);
        });
    }

    Organization changeContact(String organizationId, Organization.Contact contact, Caller caller) {
        Organization organization = organizations.requireVisible(organizationId, caller);
        organization.changeContact(contact, caller.subject(), clock.instant());
        return organizations.save(organization);
    }
}

package org.unionplatform.organization.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.organization.Problems.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.unionplatform.organization.events.OrganizationEstablished;
import org.unionplatform.organization.events.OrganizationMoved;

/** The tree's shape rules and moves, on the aggregate alone. */
class OrganizationTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

    private final Organization shaanxi = create("shaanxi", OrganizationKind.PROVINCE_FEDERATION, "610000", null);
    private final Organization xian = create("xian", OrganizationKind.CITY_FEDERATION, "610100", shaanxi);
    private final Organization beilin = create("beilin", OrganizationKind.DISTRICT_FEDERATION, "610103", xian);
    private final Organization yulin = create("yulin", OrganizationKind.CITY_FEDERATION, "610800", shaanxi);

    private static Organization create(String id, OrganizationKind kind, String division, Organization parent) {
        return Organization.create(id, id, kind, division, Set.of("COURIER"), Set.of(), parent, "test", AT);
    }

    @Test
    void aNewOrganisationLiesUnderItsParentAndAnnouncesItselfOnlyWhenAsked() {
        assertThat(beilin.path()).isEqualTo("/shaanxi/xian/beilin/");
        assertThat(beilin.depth()).isEqualTo(2);
        assertThat(beilin.ancestorIds()).containsExactly("shaanxi", "xian");
        assertThat(beilin.registeredEvents()).isEmpty();

        beilin.announceEstablished();

        assertThat(beilin.registeredEvents()).containsExactly(new OrganizationEstablished("beilin", "beilin",
                "DISTRICT_FEDERATION", "xian", "/shaanxi/xian/beilin/", "610103", List.of("COURIER")));
    }

    @Test
    void theKindDecidesTheDivisionLevel() {
        assertRefused(() -> create("x", OrganizationKind.CITY_FEDERATION, "610103", shaanxi),
                HttpStatus.UNPROCESSABLE_CONTENT, "division-level");
    }

    @Test
    void aChildLiesWithinItsParentsDivision() {
        assertRefused(() -> create("x", OrganizationKind.DISTRICT_FEDERATION, "610802", xian),
                HttpStatus.UNPROCESSABLE_CONTENT, "division-within-parent");
    }

    @Test
    void aPlatformUnionNamesItsPlatforms() {
        assertRefused(() -> create("x", OrganizationKind.PLATFORM_UNION, "610103", beilin),
                HttpStatus.UNPROCESSABLE_CONTENT, "platform-union-needs-platforms");
        Organization union = Organization.create("p", "p", OrganizationKind.PLATFORM_UNION, "610103", Set.of(),
                Set.of("饿了么"), beilin, "test", AT);
        assertThat(union.platforms()).containsExactly("饿了么");
    }

    @Test
    void aChangedDivisionMustStillHoldTheChildren() {
        assertRefused(() -> xian.change("西安", "610800", Set.of(), Set.of(), shaanxi, List.of(beilin), "test", AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "division-within-parent");

        xian.change("西安市总工会", "610100", Set.of("COURIER", "TRUCK_DRIVER"), Set.of(), shaanxi, List.of(beilin),
                "editor", AT.plusSeconds(60));

        assertThat(xian.name()).isEqualTo("西安市总工会");
        assertThat(xian.workerTypes()).containsExactlyInAnyOrder("COURIER", "TRUCK_DRIVER");
        assertThat(xian.updatedBy()).isEqualTo("editor");
    }

    @Test
    void aMoveChangesThePathAndAnnouncesIt() {
        Organization street = create("street", OrganizationKind.STREET_FEDERATION, "610103001", beilin);
        Organization joint = create("joint", OrganizationKind.JOINT_UNION, "610103", xian);

        assertThat(street.moveUnder(joint, "mover", AT)).isTrue();

        assertThat(street.path()).isEqualTo("/shaanxi/xian/joint/street/");
        assertThat(street.parentId()).isEqualTo("joint");
        assertThat(street.depth()).isEqualTo(3);
        assertThat(street.registeredEvents()).containsExactly(
                new OrganizationMoved("street", "/shaanxi/xian/beilin/street/", "/shaanxi/xian/joint/street/"));
    }

    @Test
    void movingUnderTheSameParentChangesNothing() {
        assertThat(beilin.moveUnder(xian, "mover", AT)).isFalse();
        assertThat(beilin.path()).isEqualTo("/shaanxi/xian/beilin/");
        assertThat(beilin.registeredEvents()).isEmpty();
    }

    @Test
    void neverUnderItselfOrADescendant() {
        assertRefused(() -> xian.moveUnder(xian, "mover", AT), HttpStatus.UNPROCESSABLE_CONTENT, "no-cycle");
        assertRefused(() -> xian.moveUnder(beilin, "mover", AT), HttpStatus.UNPROCESSABLE_CONTENT, "no-cycle");
        assertThat(xian.registeredEvents()).isEmpty();
    }

    @Test
    void theNewParentsDivisionContainsTheOrganisations() {
        assertRefused(() -> beilin.moveUnder(yulin, "mover", AT), HttpStatus.UNPROCESSABLE_CONTENT,
                "division-within-parent");
        assertThat(beilin.path()).isEqualTo("/shaanxi/xian/beilin/");
    }
}

package org.unionplatform.common.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlacesTest {

    private final Places places = Places.shipped();

    @Test
    void everyPlaceButTheProvinceHasItsParentInTheData() {
        assertThat(places.children(null)).extracting(Place::code).containsExactly("610000");
        assertThat(places.children("610000")).extracting(Place::code).containsExactly("610100", "610200", "610300",
                "610400", "610500", "610600", "610700", "610800", "610900", "611000");
        for (Place city : places.children("610000")) {
            assertThat(places.children(city.code())).as(city.name()).isNotEmpty()
                    .allSatisfy(county -> assertThat(county.level()).isEqualTo(Place.Level.COUNTY));
        }
        assertThat(places.children("610113")).isNotEmpty()
                .allSatisfy(street -> assertThat(street.level()).isEqualTo(Place.Level.TOWNSHIP));
        assertThat(places.children("610402")).isNotEmpty();
    }

    @Test
    void aTownshipLiesInItsCountyAndShowsItsWholePath() {
        Place street = places.find("610113001").orElseThrow();
        assertThat(street.name()).isEqualTo("小寨路街道");
        assertThat(places.path(street)).extracting(Place::name).containsExactly("陕西省", "西安市", "雁塔区", "小寨路街道");
    }

    @Test
    void theCheckRefusesUnlistedShaanxiCodesAndLeavesOtherProvincesToTheShapeCheck() {
        var check = new KnownDivision.Validator();
        assertThat(check.isValid("610199", null)).isFalse();
        assertThat(check.isValid("610103", null)).isTrue();
        assertThat(check.isValid("610103001", null)).isTrue();
        assertThat(check.isValid("610103099", null)).as("an unlisted Shaanxi street").isFalse();
        assertThat(check.isValid("632802", null)).isTrue();
        assertThat(check.isValid("632802001", null)).as("a well-shaped street of an uncovered province").isTrue();
        assertThat(check.isValid("632802000", null)).isFalse();
        assertThat(check.isValid("618000", null)).isFalse();
        assertThat(check.isValid("6101", null)).isFalse();
    }
}

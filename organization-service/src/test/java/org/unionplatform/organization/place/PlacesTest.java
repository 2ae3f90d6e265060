package org.unionplatform.organization.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

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
        assertThat(places.children("610113")).isNotEmpty();
        assertThat(places.children("610402")).isNotEmpty();
    }

    @Test
    void theCheckRefusesUnlistedShaanxiCodesAndLeavesOtherProvincesToTheShapeCheck() {
        var check = new KnownDivision.Validator();
        assertThat(check.isValid("610199", null)).isFalse();
        assertThat(check.isValid("610103", null)).isTrue();
        assertThat(check.isValid("632802", null)).isTrue();
        assertThat(check.isValid("618000", null)).isFalse();
    }

    @Test
    void everyShaanxiCodeTheDemoDataUsesIsListed() throws IOException {
        String demo = Files.readString(Path.of("src/main/java/org/unionplatform/organization/demo/DemoData.java"));
        var codes = Pattern.compile("\"(61\\d{4})\"").matcher(demo).results().map(m -> m.group(1)).distinct().toList();
        assertThat(codes).hasSizeGreaterThan(10)
                .allSatisfy(code -> assertThat(places.find(code)).as(code).isPresent());
    }
}

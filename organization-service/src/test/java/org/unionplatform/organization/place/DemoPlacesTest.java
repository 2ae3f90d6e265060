package org.unionplatform.organization.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.reference.Places;

class DemoPlacesTest {

    @Test
    void everyShaanxiCodeTheDemoDataUsesIsListed() throws IOException {
        String demo = Files.readString(Path.of("src/main/java/org/unionplatform/organization/demo/DemoData.java"));
        var codes = Pattern.compile("\"(61\\d{4}(?:\\d{3})?)\"").matcher(demo).results().map(m -> m.group(1))
                .distinct().toList();
        assertThat(codes).hasSizeGreaterThan(10)
                .allSatisfy(code -> assertThat(Places.shipped().find(code)).as(code).isPresent());
    }
}

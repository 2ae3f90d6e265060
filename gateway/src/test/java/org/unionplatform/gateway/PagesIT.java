package org.unionplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

/** The phone pages: served without a token, under the pages' policy, with versioned assets cached for a year. */
class PagesIT extends GatewayIntegrationTest {

    private static final Pattern VERSIONED_CSS = Pattern.compile("/assets/([0-9a-f]{12})/app\\.css");

    @Test
    void thePagesAreServedWithoutATokenUnderThePagesPolicy() {
        for (String path : new String[] {"/station/", "/m/", "/m/index.html", "/desk/", "/console/", "/check-in/any-station-id"}) {
            anonymous.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/html;charset=UTF-8")
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                            .startsWith("default-src 'self'").contains("script-src 'self';")
                            .doesNotContain("unsafe-inline").doesNotContain("*").contains("frame-ancestors 'none'"))
                    .expectBody();
        }
        anonymous.get().uri("/station").exchange().expectStatus().isEqualTo(301)
                .expectHeader().location("/station/").expectBody();
    }

    @Test
    void assetsAreVersionedAndTheVersionedAddressIsCachedForAYear() {
        String page = new String(anonymous.get().uri("/m/").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        Matcher css = VERSIONED_CSS.matcher(page);
        assertThat(css.find()).as(page).isTrue();
        assertThat(page).doesNotContain("\"/assets/app.css\"");

        anonymous.get().uri(css.group()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/css;charset=UTF-8")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value)
                        .contains("max-age=31536000").contains("immutable"))
                .expectBody();
        anonymous.get().uri("/assets/api.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody();
        anonymous.get().uri("/assets/0123456789ab/api.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody();
    }

    @Test
    void theChartLibraryIsAVersionedAssetOfThisOrigin() {
        String page = new String(anonymous.get().uri("/console/").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        Matcher css = VERSIONED_CSS.matcher(page);
        assertThat(css.find()).as(page).isTrue();
        // A megabyte: more than the test client buffers by default.
        byte[] script = anonymous.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)).build().get().uri("/assets/" + css.group(1) + "/vendor/echarts.esm.min.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("immutable"))
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self';"))
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(new String(script, StandardCharsets.UTF_8)).contains("export").hasSizeGreaterThan(500_000);
    }

    @Test
    void unknownFilesAndOtherMethodsAreRefused() {
        anonymous.get().uri("/m/no-such-page.html").exchange().expectStatus().isNotFound().expectBody();
        anonymous.get().uri("/assets/../application.yml").exchange().expectStatus().is4xxClientError().expectBody();
        anonymous.get().uri("/assets/nothing.js").exchange().expectStatus().isNotFound().expectBody();
        anonymous.post().uri("/station/").exchange().expectStatus().isUnauthorized().expectBody();
    }
}

package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class GatewayProblemsIT extends GatewayIntegrationTest {

    private static final int ONE_MEGABYTE = 1024 * 1024;

    @Test
    void anUnknownPathIsA404Problem() {
        client.get().uri("/api/unknown/things").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void aBodyOverTheDefaultLimitIsA413ProblemAndNeverReachesTheBackend() {
        client.post().uri("/api/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(ONE_MEGABYTE + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body is larger than the 1 MB accepted on this path.");

        MEMBERSHIP.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() {
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(ONE_MEGABYTE / 10)));
        MEMBERSHIP.stubFor(post(urlEqualTo("/api/members")).willReturn(aResponse().withStatus(201)));

        client.post().uri("/api/members").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void theBulkUploadRouteAcceptsBodiesAboveTheDefaultLimit() {
        MEMBERSHIP.stubFor(post(urlEqualTo("/api/members/bulk-enrolments"))
                .willReturn(aResponse().withStatus(202).withBody("{\"accepted\":true}")));

        client.post().uri("/api/members/bulk-enrolments").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(bytes(3 * ONE_MEGABYTE))
                .exchange()
                .expectStatus().isEqualTo(202)
                .expectBody().jsonPath("$.accepted").isEqualTo(true);

        MEMBERSHIP.verify(1, postRequestedFor(urlEqualTo("/api/members/bulk-enrolments")));
    }

    @Test
    void aCompanySurveyUploadMayTakeLongerThanTheDefaultResponseTimeout() {
        // The shared context's default is 1.5 s; a 2,000-row survey checked and imported in the request took longer.
        ORGANIZATION.stubFor(post(urlEqualTo("/api/organizations/company-surveys?organizationId=xian"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500).withBody("{\"imported\":2000}")));

        client.post().uri("/api/organizations/company-surveys?organizationId=xian")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes(3 * ONE_MEGABYTE))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(2000);
    }

    @Test
    void aHelpCasePhotoRouteAcceptsBodiesUpToSixMegabytes() {
        MEMBERSHIP.stubFor(post(urlEqualTo("/api/members/help/my-cases/WQ2345678923/attachments"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"WQ2345678923\"}")));

        client.post().uri("/api/members/help/my-cases/WQ2345678923/attachments")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes(5 * ONE_MEGABYTE))
                .exchange()
                .expectStatus().isEqualTo(201);
        client.post().uri("/api/members/help/my-cases/WQ2345678923/attachments")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes(7 * ONE_MEGABYTE))
                .exchange()
                .expectStatus().isEqualTo(413);
        MEMBERSHIP.verify(1, postRequestedFor(urlEqualTo("/api/members/help/my-cases/WQ2345678923/attachments")));
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }
}

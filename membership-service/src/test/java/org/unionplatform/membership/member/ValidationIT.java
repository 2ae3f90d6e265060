package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.http.HttpAnswer;

import tools.jackson.databind.JsonNode;

class ValidationIT extends MembershipIT {

    @Test
    void aResidentIdWithAWrongCheckCharacterIsAFieldError() {
        String id = People.residentId();
        String typo = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');

        assertFieldError(apply(typo, People.phone(), "COURIER"), "residentId");
    }

    @Test
    void aResidentIdWithAnImpossibleBirthDateIsAFieldError() {
        String first17 = "61010320230231" + "123";
        String impossible = first17 + org.unionplatform.common.pii.ResidentIdNumber.checkCharacterFor(first17);

        assertFieldError(apply(impossible, People.phone(), "COURIER"), "residentId");
    }

    @Test
    void aPhoneThatIsNoMainlandMobileIsAFieldError() {
        assertFieldError(apply(People.residentId(), "02988886666", "COURIER"), "phone");
    }

    @Test
    void anUnknownWorkerTypeIsAFieldError() {
        assertFieldError(apply(People.residentId(), People.phone(), "ASTRONAUT"), "workerType");
    }

    @Test
    void anUnknownPropertyIsRefused() {
        var response = httpPost("/api/members/applications", null,
                "{\"name\":\"张三\",\"admin\":true}");

        assertThat(response.status()).isEqualTo(400);
    }

    private HttpAnswer apply(String residentId, String phone, String workerType) {
        return httpPost("/api/members/applications", null,
                People.applicationJson("张三", residentId, phone, workerType));
    }

    private static void assertFieldError(HttpAnswer response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.valueStream().map(error -> error.get("field").asString())).containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception");
    }
}

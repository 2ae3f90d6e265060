package org.unionplatform.membership.application;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;

/** An application that names the station the worker joins at asks organization-service's dispatch with it. */
class StationApplicationIT extends MembershipIT {

    @Test
    void theStationTravelsWithTheDispatchQuestion() {
        String residentId = People.residentId();
        var applied = httpPost("/api/members/applications?via=station:yl-dh-02", null,
                People.applicationJson("赵师傅", residentId, People.phone(), "TRUCK_DRIVER"));
        assertThat(applied.status()).isEqualTo(202);
        ORGANIZATION_SERVICE.verify(postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                .withRequestBody(matchingJsonPath("$.stationId", equalTo("yl-dh-02")))
                .withRequestBody(matchingJsonPath("$.workerType", equalTo("TRUCK_DRIVER"))));
        String stored = mongo.getCollection("applications")
                .find(new org.bson.Document("_id", json(applied).get("receiptCode").asString())).first()
                .getString("channel");
        assertThat(stored).isEqualTo("station:yl-dh-02");
    }

    @Test
    void aMalformedStationIsBadInputAndFilesNothing() {
        long before = mongo.getCollection("applications").countDocuments();
        var applied = httpPost("/api/members/applications?via=station:..%2Fx", null,
                People.applicationJson("赵师傅", People.residentId(), People.phone(), "TRUCK_DRIVER"));
        assertThat(applied.status()).isEqualTo(400);
        assertThat(applied.body()).contains("via");
        assertThat(mongo.getCollection("applications").countDocuments()).isEqualTo(before);
    }
}

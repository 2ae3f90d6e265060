package org.unionplatform.membership.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** Each application records the channel that brought it; the organizer sees joins by channel. */
class ApplicationChannelsIT extends MembershipIT {

    @Test
    void applicationsFromAStationsQrPageCountAsThatStationsJoins() {
        String first = apply("station:xy-love-07");
        apply("station:xy-love-07");
        apply("campaign:spring-2027");
        apply(null);
        var approval = httpPost("/api/members/applications/" + first + "/approval", TestTokens.organizer(SHOUQI_PATH),
                null);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);

        JsonNode joins = json(httpGet("/api/members/applications/channels?organizationId=shouqi-union",
                TestTokens.organizer(SHOUQI_PATH)));
        JsonNode station = row(joins, "station:xy-love-07");
        assertThat(station.get("kind").asString()).isEqualTo("STATION");
        assertThat(station.get("reference").asString()).isEqualTo("xy-love-07");
        assertThat(station.get("applications").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(station.get("approved").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row(joins, "campaign:spring-2027").get("applications").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(httpGet("/api/members/applications/channels?organizationId=shouqi-union",
                TestTokens.organizer(YULIN_TRUCK_PATH)).status()).isEqualTo(404);
    }

    @Test
    void aChannelThatIsNoneOfTheKnownKindsIsABadRequest() {
        var response = httpPost("/api/members/applications?via=" + "somewhere:else", null,
                People.applicationJson("赵师傅", People.residentId(), People.phone(), "RIDE_HAILING_DRIVER"));
        assertThat(response.status()).isEqualTo(400);
    }

    private String apply(String via) {
        var response = httpPost("/api/members/applications" + (via == null ? "" : "?via=" + via), null,
                People.applicationJson("钱师傅", People.residentId(), People.phone(), "RIDE_HAILING_DRIVER"));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return json(response).get("receiptCode").asString();
    }

    private static JsonNode row(JsonNode joins, String channel) {
        for (JsonNode row : joins.get("channels")) {
            if (row.get("channel").asString().equals(channel)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + channel + " in " + joins);
    }
}

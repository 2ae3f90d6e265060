package org.unionplatform.benefits.welcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.grant.GrantStatus;

/** What welcome-pack ITs share: a welcome program, {@code membership.approved} as its producer publishes it, the packs. */
abstract class WelcomeIT extends BenefitsIT {

    List<Grant> packs(String programId) {
        return mongo.find(Query.query(Criteria.where("programId").is(programId).and("status").is(GrantStatus.GRANTED)),
                Grant.class);
    }

    static Map<String, Object> welcomeProgram(Org org, long stock) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", "入会礼包");
        fields.put("kind", "WELCOME_PACK");
        fields.put("organizationId", org.districtId());
        fields.put("orgPath", org.districtPath());
        fields.put("startsOn", LocalDate.now().minusDays(1).toString());
        fields.put("endsOn", LocalDate.now().plusDays(60).toString());
        fields.put("stock", stock);
        fields.put("itemsPerGrant", 1);
        fields.put("itemName", "入会礼包");
        return fields;
    }

    void publish(UUID eventId, String memberId, Org org, Instant approvedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("cardNumber", "6100" + Math.abs(memberId.hashCode()));
        payload.put("organizationId", org.unionId());
        payload.put("orgPath", org.unionPath());
        payload.put("workerType", "DELIVERY_RIDER");
        payload.put("gender", "FEMALE");
        payload.put("platform", "ELEME");
        payload.put("companyCreditCode", null);
        payload.put("divisionCode", "610103");
        payload.put("approvedAt", approvedAt.toString());
        payload.put("channel", "APPLICATION");
        publish("membership.approved", "membership-service", eventId, approvedAt, payload);
    }
}

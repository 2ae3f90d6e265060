package org.unionplatform.membership.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.events.ReceivedEvent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Keeps each member's timeline from station-service's visits and benefits-service's grants and claims. Every
 * change is an upsert of the entry's natural key with fixed values, so it is idempotent by construction.
 */
@Configuration(proxyBeanMethods = false)
class ServiceHistory {

    private final MongoOperations mongo;

    ServiceHistory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckinRecorded(String visitId, String stationId, String stationName, String memberId, Boolean verified,
            List<String> services, Instant visitedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckinVerified(String visitId, String stationId, String stationName, String memberId, Instant visitedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BenefitGranted(String grantId, String programId, String programName, String kind, String memberId,
            Long amountFen, Object items, Instant grantedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BenefitRevoked(String grantId, String memberId, Instant revokedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimDecided(String claimId, String programId, String programName, String memberId, String decision,
            Long amountFen, String reason, Instant decidedAt) {
    }

    @Bean
    EventSubscription serviceHistorySubscription() {
        return EventSubscription.of("service-history", this::apply, "checkin.recorded", "checkin.verified",
                "benefit.granted", "benefit.revoked", "claim.decided");
    }

    void apply(ReceivedEvent event) {
        switch (event.type()) {
            case "checkin.recorded" -> {
                var visit = event.payload(CheckinRecorded.class);
                if (visit.memberId() != null) {
                    upsert("visit:" + visit.visitId(), new Update().set("memberId", visit.memberId()).set("kind", "VISIT")
                            .set("at", visit.visitedAt()).set("title", "驿站到访").set("placeId", visit.stationId())
                            .set("placeName", visit.stationName()).set("services", visit.services()));
                }
            }
            case "checkin.verified" -> {
                var visit = event.payload(CheckinVerified.class);
                upsert("visit:" + visit.visitId(), new Update().set("memberId", visit.memberId()).set("kind", "VISIT")
                        .set("at", visit.visitedAt()).set("title", "驿站到访").set("placeId", visit.stationId())
                        .set("placeName", visit.stationName()).set("outcome", "VERIFIED"));
            }
            case "benefit.granted" -> {
                var grant = event.payload(BenefitGranted.class);
                upsert("grant:" + grant.grantId(), new Update().set("memberId", grant.memberId()).set("kind", "BENEFIT")
                        .set("at", grant.grantedAt()).set("title", grant.programName()).set("amountFen", grant.amountFen())
                        .set("items", grant.items() == null ? null : String.valueOf(grant.items()))
                        .setOnInsert("outcome", "GRANTED"));
            }
            case "benefit.revoked" -> {
                var revoked = event.payload(BenefitRevoked.class);
                upsert("grant:" + revoked.grantId(), new Update().set("memberId", revoked.memberId())
                        .set("kind", "BENEFIT").set("outcome", "REVOKED").setOnInsert("at", revoked.revokedAt()));
            }
            case "claim.decided" -> {
                var claim = event.payload(ClaimDecided.class);
                upsert("claim:" + claim.claimId(), new Update().set("memberId", claim.memberId()).set("kind", "CLAIM")
                        .set("at", claim.decidedAt()).set("title", claim.programName())
                        .set("amountFen", claim.amountFen()).set("outcome", claim.decision()));
            }
            default -> {
                // bound only to the types above
            }
        }
    }

    private void upsert(String id, Update update) {
        mongo.upsert(Query.query(where("_id").is(id)), update, TimelineEntry.class);
    }
}

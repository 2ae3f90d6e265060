package org.unionplatform.membership.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.membership.events.AttendedActivity;
import org.unionplatform.membership.events.BenefitGranted;
import org.unionplatform.membership.events.BenefitRevoked;
import org.unionplatform.membership.events.CheckinRecorded;
import org.unionplatform.membership.events.CheckinVerified;
import org.unionplatform.membership.events.ClaimDecided;
import org.unionplatform.membership.events.HelpCaseClosedNotice;
import org.unionplatform.membership.events.HelpCaseOpenedNotice;
import org.unionplatform.membership.help.CaseKind;

/**
 * Each member's timeline, kept from station-service's visits and benefits-service's grants and claims (bound in
 * {@code Subscriptions}, purpose {@code service-history}) and from this service's own hardship register. Every
 * change is an upsert of the entry's natural key with fixed values, so it is idempotent by construction.
 */
@Service
public class Timelines {

    private final MongoOperations mongo;

    Timelines(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void onCheckinRecorded(CheckinRecorded visit) {
        if (visit.memberId() != null) {
            upsert("visit:" + visit.visitId(), new Update().set("memberId", visit.memberId()).set("kind", "VISIT")
                    .set("at", visit.visitedAt()).set("title", "驿站到访").set("placeId", visit.stationId())
                    .set("placeName", visit.stationName()).set("services", visit.services()));
        }
    }

    public void onCheckinVerified(CheckinVerified visit) {
        upsert("visit:" + visit.visitId(), new Update().set("memberId", visit.memberId()).set("kind", "VISIT")
                .set("at", visit.visitedAt()).set("title", "驿站到访").set("placeId", visit.stationId())
                .set("placeName", visit.stationName()).set("outcome", "VERIFIED"));
    }

    /** A grant to a worker who is not a member (a gift pack open to all workers) names no member: no timeline. */
    public void onBenefitGranted(BenefitGranted grant) {
        if (grant.memberId() != null) {
            upsert("grant:" + grant.grantId(), new Update().set("memberId", grant.memberId()).set("kind", "BENEFIT")
                    .set("at", grant.grantedAt()).set("title", grant.programName()).set("amountFen", grant.amountFen())
                    .set("items", grant.items() == null ? null : String.valueOf(grant.items()))
                    .setOnInsert("outcome", "GRANTED"));
        }
    }

    public void onBenefitRevoked(BenefitRevoked revoked) {
        if (revoked.memberId() != null) {
            upsert("grant:" + revoked.grantId(), new Update().set("memberId", revoked.memberId())
                    .set("kind", "BENEFIT").set("outcome", "REVOKED").setOnInsert("at", revoked.revokedAt()));
        }
    }

    public void onClaimDecided(ClaimDecided claim) {
        upsert("claim:" + claim.claimId(), new Update().set("memberId", claim.memberId()).set("kind", "CLAIM")
                .set("at", claim.decidedAt()).set("title", claim.programName())
                .set("amountFen", claim.amountFen()).set("outcome", claim.decision()));
    }

    /** A member's help case: one line, opened then closed (either may arrive first). */
    public void onHelpCaseOpened(HelpCaseOpenedNotice opened) {
        if (opened.memberId() != null) {
            upsert("help-case:" + opened.caseId(), new Update().set("memberId", opened.memberId())
                    .set("kind", "HELP_CASE").set("at", opened.openedAt()).set("title", helpTitle(opened.kind()))
                    .setOnInsert("outcome", "OPENED"));
        }
    }

    public void onHelpCaseClosed(HelpCaseClosedNotice closed) {
        if (closed.memberId() != null) {
            upsert("help-case:" + closed.caseId(), new Update().set("memberId", closed.memberId())
                    .set("kind", "HELP_CASE").set("outcome", closed.outcome())
                    .set("amountFen", closed.amountRecoveredFen()).setOnInsert("at", closed.closedAt())
                    .setOnInsert("title", helpTitle(closed.kind())));
        }
    }

    private static String helpTitle(String kind) {
        try {
            return "维权求助：" + CaseKind.valueOf(kind).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return "维权求助";
        }
    }

    /** A member let in at an activity's door (a non-member has no timeline). */
    public void onActivityAttended(AttendedActivity attended) {
        if (attended.memberId() != null) {
            upsert("activity:" + attended.activityId() + ":" + attended.memberId(), new Update()
                    .set("memberId", attended.memberId()).set("kind", "ACTIVITY").set("at", attended.attendedAt())
                    .set("title", attended.title()).set("placeId", attended.stationId())
                    .set("placeName", attended.venueName()).set("outcome", "ATTENDED"));
        }
    }

    /**
     * A step of the member's hardship file (written by the hardship register itself, right after the member's
     * document: the n-th step of a member's file is always the same entry).
     */
    public void onHardshipStep(String memberId, int stepIndex, String action, Instant at) {
        String title = switch (action) {
            case "REGISTERED" -> "登记为困难职工";
            case "REVIEWED" -> "困难职工建档复核";
            case "CORRECTED" -> "困难职工建档复核日期更正";
            case "LAPSED" -> "困难职工建档到期失效";
            case "ENDED" -> "困难职工建档终止";
            default -> "困难职工建档";
        };
        upsert("hardship:" + memberId + ":" + stepIndex, new Update().set("memberId", memberId).set("kind", "HARDSHIP")
                .set("at", at).set("title", title).set("outcome", action));
    }

    /** One page of a member's timeline (the caller's reach is checked by the controller). */
    Page<TimelineEntry> of(String memberId, Pageable pageable) {
        var query = Query.query(where("memberId").is(memberId));
        long total = mongo.count(query, TimelineEntry.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), TimelineEntry.class), pageable, total);
    }

    private void upsert(String id, Update update) {
        mongo.upsert(Query.query(where("_id").is(id)), update, TimelineEntry.class);
    }
}

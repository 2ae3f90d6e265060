package org.unionplatform.station.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.station.station.DivisionCodes;

/**
 * The visits kept apart (late, or at a suspended station) for the organizer to look at, newest upload first,
 * within the caller's scope (filtered in the query).
 */
@Service
public class FlaggedVisits {

    private final MongoOperations mongo;

    FlaggedVisits(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** One flagged visit as the organizer sees it. */
    public record FlaggedVisit(String visitId, String stationId, String stationName, VisitFlag flag,
            Instant visitedAt, Instant recordedAt, String recordedBy, String workerType, Verification verification,
            String memberId) {

        static FlaggedVisit of(Visit visit) {
            return new FlaggedVisit(visit.id(), visit.stationId(), visit.stationName(), visit.flag(),
                    visit.visitedAt(), visit.recordedAt(), visit.recordedBy(), visit.workerType(),
                    visit.verification(), visit.memberId());
        }
    }

    public Page<FlaggedVisit> list(Caller caller, VisitFlag flag, String divisionCode, String organizationId,
            Pageable pageable) {
        AccessScope scope = AccessScope.of(caller);
        List<Criteria> all = new ArrayList<>();
        // Every flag named (not "flag != null"), so the query is served by the flagged-visits index.
        all.add(flag == null ? Criteria.where("flag").in((Object[]) VisitFlag.values()) : Criteria.where("flag").is(flag));
        all.add(caller.isAdmin() ? new Criteria()
                : caller.orgPath() != null ? scope.subtree("orgPath") : scope.stations("stationId"));
        if (divisionCode != null) {
            all.add(DivisionCodes.criteria("divisionCode", divisionCode));
        }
        if (organizationId != null) {
            all.add(Criteria.where("orgPath").regex("/" + Pattern.quote(organizationId) + "/"));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        long total = mongo.count(query, Visit.class);
        List<FlaggedVisit> page = mongo.find(Query.of(query).with(pageable)
                .with(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.asc("_id"))), Visit.class)
                .stream().map(FlaggedVisit::of).toList();
        return new PageImpl<>(page, pageable, total);
    }
}

package org.unionplatform.membership.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.member.MemberRepository;

import jakarta.validation.Valid;

/** A member's service history: the member themselves, or organizers and benefit officers in scope. */
@RestController
class TimelineController {

    private final MongoOperations mongo;
    private final MemberRepository members;

    TimelineController(MongoOperations mongo, MemberRepository members) {
        this.mongo = mongo;
        this.members = members;
    }

    record TimelineItem(String kind, java.time.Instant at, String title, String placeId, String placeName,
            Long amountFen, String items, String outcome, List<String> services) {

        static TimelineItem of(TimelineEntry e) {
            return new TimelineItem(e.kind(), e.at(), e.title(), e.placeId(), e.placeName(), e.amountFen(), e.items(),
                    e.outcome(), e.services());
        }
    }

    @GetMapping("/api/members/{memberId}/timeline")
    PageResponse<TimelineItem> timeline(@PathVariable String memberId, @Valid PageQuery paging, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.MEMBER, Role.ORGANIZER, Role.BENEFIT_OFFICER, Role.ADMIN);
        var member = members.findById(memberId);
        if (caller.hasAny(Role.ORGANIZER, Role.BENEFIT_OFFICER, Role.ADMIN)) {
            scope.requireInSubtree(member, m -> m.orgPath(), "Member", memberId);
        } else {
            scope.requireSelf(member, m -> m.id(), "Member", memberId);
        }
        var query = Query.query(where("memberId").is(memberId));
        var pageable = paging.toPageRequest(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id")));
        long total = mongo.count(query, TimelineEntry.class);
        var items = mongo.find(Query.of(query).with(pageable), TimelineEntry.class);
        return PageResponse.of(new PageImpl<>(items, pageable, total), TimelineItem::of);
    }
}

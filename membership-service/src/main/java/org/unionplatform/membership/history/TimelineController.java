package org.unionplatform.membership.history;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;

import jakarta.validation.Valid;

/** A member's service history: the member themselves, or organizers and benefit officers in scope. */
@RestController
class TimelineController {

    private final Timelines timelines;
    private final MemberRepository members;

    TimelineController(Timelines timelines, MemberRepository members) {
        this.timelines = timelines;
        this.members = members;
    }

    record TimelineItem(String kind, Instant at, String title, String placeId, String placeName,
            Long amountFen, String items, String outcome, List<String> services) {

        static TimelineItem of(TimelineEntry e) {
            return new TimelineItem(e.kind(), e.at(), e.title(), e.placeId(), e.placeName(), e.amountFen(), e.items(),
                    e.outcome(), e.services());
        }
    }

    @GetMapping("/api/members/{memberId}/timeline")
    @PreAuthorize("hasAnyRole('MEMBER','ORGANIZER','BENEFIT_OFFICER','ADMIN')")
    PageResponse<TimelineItem> timeline(@PathVariable String memberId, @Valid PageQuery paging, Caller caller) {
        var scope = AccessScope.of(caller);
        var member = members.findById(memberId);
        if (caller.hasAny(Role.ORGANIZER, Role.BENEFIT_OFFICER, Role.ADMIN)) {
            scope.requireInSubtree(member, Member::orgPath, "Member", memberId);
        } else {
            scope.requireSelf(member, Member::id, "Member", memberId);
        }
        var pageable = paging.toPageRequest(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id")));
        return PageResponse.of(timelines.of(memberId, pageable), TimelineItem::of);
    }
}

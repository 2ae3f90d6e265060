package org.unionplatform.membership.hardship;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.history.Timelines;
import org.unionplatform.membership.member.HardshipFile;
import org.unionplatform.membership.member.HardshipReason;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;

/**
 * The hardship register's use cases. Each change is one save of the member's document (state and event in its
 * outbox, optimistic version), then the new steps are written to the member's timeline. Members outside the
 * caller's subtree answer 404.
 */
@Service
class Hardships {

    /** Due reviews first: the earliest review date leads; _id keeps pages stable. */
    static final Sort DUE_FIRST = Sort.by(Sort.Order.asc("hardshipFile.reviewOn"), Sort.Order.asc("_id"));

    private final MemberRepository members;
    private final MongoOperations mongo;
    private final Timelines timelines;
    private final Clock clock;

    Hardships(MemberRepository members, MongoOperations mongo, Timelines timelines, Clock clock) {
        this.members = members;
        this.mongo = mongo;
        this.timelines = timelines;
        this.clock = clock;
    }

    Member register(String memberId, HardshipReason reason, String evidence, String checkedBy, LocalDate reviewOn,
            Caller caller) {
        return change(inScope(memberId, caller),
                member -> member.registerHardship(reason, evidence, checkedBy, reviewOn, caller.subject(), now()));
    }

    Member review(String memberId, LocalDate reviewOn, String note, Caller caller) {
        return change(inScope(memberId, caller), member -> member.reviewHardship(reviewOn, note, caller.subject(), now()));
    }

    Member correctReviewDate(String memberId, LocalDate reviewOn, String note, Caller caller) {
        return change(inScope(memberId, caller),
                member -> member.correctHardshipReviewDate(reviewOn, note, caller.subject(), now()));
    }

    Member end(String memberId, String note, Caller caller) {
        return change(inScope(memberId, caller), member -> member.endHardship(note, caller.subject(), now()));
    }

    Member one(String memberId, Caller caller) {
        return inScope(memberId, caller);
    }

    Member own(Caller caller) {
        return members.findById(caller.memberId())
                .orElseThrow(() -> new ResourceNotFoundException("Member", caller.memberId()));
    }

    /** Files of one status in the caller's subtree, due reviews first. */
    Page<Member> list(HardshipFile.Status status, Pageable pageable, Caller caller) {
        var query = Query.query(where("hardshipFile.status").is(status)
                .andOperator(AccessScope.of(caller).subtree("orgPath")));
        long total = mongo.count(query, Member.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Member.class), pageable, total);
    }

    /**
     * Records the lapse of registrations past their review date on {@code now}'s day, at most {@code batch} of
     * them; a member another instance (or an officer) changed meanwhile is left to that change (optimistic lock).
     *
     * @return how many lapses this call recorded
     */
    int lapseDue(Instant now, int batch) {
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        var due = Query.query(where("hardshipFile.status").is(HardshipFile.Status.REGISTERED)
                .and("hardshipFile.reviewOn").lt(today)).with(DUE_FIRST).limit(batch);
        int lapsed = 0;
        for (Member member : mongo.find(due, Member.class)) {
            try {
                int before = steps(member);
                if (member.lapseHardshipIfDue(now)) {
                    writeTimeline(members.save(member), before);
                    lapsed++;
                }
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // another instance lapsed it, or an officer reviewed it, since we read it
            }
        }
        return lapsed;
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ChinaTime.ZONE);
    }

    private Member change(Member member, Consumer<Member> transition) {
        int before = steps(member);
        transition.accept(member);
        Member saved = members.save(member);
        writeTimeline(saved, before);
        return saved;
    }

    private void writeTimeline(Member member, int from) {
        List<HardshipFile.Step> history = member.hardshipFile().history();
        for (int i = from; i < history.size(); i++) {
            timelines.onHardshipStep(member.id(), i, history.get(i).action(), history.get(i).at());
        }
    }

    private static int steps(Member member) {
        return member.hardshipFile() == null ? 0 : member.hardshipFile().history().size();
    }

    private Member inScope(String memberId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(members.findById(memberId), Member::orgPath, "Member", memberId);
    }

    private Instant now() {
        return clock.instant();
    }
}

package org.unionplatform.benefits.welcome;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/**
 * The welcome-pack queue as officers and organizers see it: the members of their subtree (scoped by the member's
 * union path), oldest first, so page 0 of WAITING is who is served next.
 */
@RestController
class WelcomeQueueController {

    private final MongoOperations mongo;

    WelcomeQueueController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** One place in the queue: who, since when, for which program, and once served, when. */
    record WelcomeEntryResponse(String memberId, String organizationId, String workerType, String programId,
            Instant queuedAt, WelcomeEntry.Status status, String grantId, Instant servedAt) {

        static WelcomeEntryResponse of(WelcomeEntry e) {
            return new WelcomeEntryResponse(e.memberId(), e.organizationId(), e.workerType(), e.programId(),
                    e.queuedAt(), e.status(), e.grantId(), e.servedAt());
        }
    }

    @GetMapping("/api/benefits/welcome-queue")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','ORGANIZER')")
    PageResponse<WelcomeEntryResponse> list(@Valid PageQuery page, @RequestParam(required = false) String programId,
            @RequestParam(defaultValue = "WAITING") WelcomeEntry.Status status, Caller caller) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(AccessScope.of(caller).subtree("orgPath"));
        conditions.add(where("status").is(status));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        var request = page.toPageRequest(Sort.by("queuedAt", "_id"));
        Query query = Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
        long total = mongo.count(query, WelcomeEntry.class);
        var items = mongo.find(query.with(request), WelcomeEntry.class).stream().map(WelcomeEntryResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }
}

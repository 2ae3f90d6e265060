package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/** Issuing, reading and revoking grants. */
@RestController
@Validated
class GrantController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Grants grants;
    private final GrantRepository repository;
    private final MongoOperations mongo;

    GrantController(Grants grants, GrantRepository repository, MongoOperations mongo) {
        this.grants = grants;
        this.repository = repository;
        this.mongo = mongo;
    }

    @PostMapping("/api/benefits/programs/{programId}/grants")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ResponseEntity<GrantResponse> issue(@PathVariable String programId,
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+") String key,
            @Valid @RequestBody GrantRequests.Issue request, Caller caller) {
        Grants.Outcome outcome = grants.issue(programId, request, key, caller);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/benefits/grants/" + outcome.grant().id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(GrantResponse.of(outcome.grant()));
    }

    /** Officers: grants to members of their subtree; a member: their own. */
    @GetMapping("/api/benefits/grants")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','MEMBER')")
    PageResponse<GrantResponse> list(@Valid PageQuery page, @RequestParam(required = false) String programId,
            @RequestParam(required = false) String memberId, Caller caller) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(scope(caller));
        conditions.add(where("status").ne(GrantStatus.CANCELLED));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        if (memberId != null) {
            conditions.add(where("memberId").is(memberId));
        }
        var request = page.toPageRequest(Sort.by(Sort.Order.desc("grantedAt"), Sort.Order.asc("_id")));
        Query query = Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
        long total = mongo.count(query, Grant.class);
        var items = mongo.find(query.with(request), Grant.class).stream().map(GrantResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    @GetMapping("/api/benefits/grants/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','MEMBER')")
    GrantResponse get(@PathVariable String id, Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        var found = repository.findById(id).filter(g -> g.status() != GrantStatus.CANCELLED);
        Grant grant = isMemberOnly(caller)
                ? scope.requireSelf(found, Grant::memberId, "Grant", id)
                : scope.requireInSubtree(found, Grant::orgPath, "Grant", id);
        return GrantResponse.of(grant);
    }

    @PostMapping("/api/benefits/grants/{id}/revocation")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    GrantResponse revoke(@PathVariable String id, @Valid @RequestBody GrantRequests.Revoke request, Caller caller) {
        return GrantResponse.of(grants.revoke(id, request.reason(), caller));
    }

    private static Criteria scope(Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        return isMemberOnly(caller) ? scope.self("memberId") : scope.subtree("orgPath");
    }

    /** A member reaches their own grants; an officer (or ADMIN) the grants of their subtree. */
    private static boolean isMemberOnly(Caller caller) {
        return caller.has(Role.MEMBER) && !caller.hasAny(Role.ADMIN, Role.BENEFIT_OFFICER);
    }
}

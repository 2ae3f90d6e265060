package org.unionplatform.benefits.claim;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

@RestController
class ClaimController {

    private final Claims claims;
    private final MongoOperations mongo;

    ClaimController(Claims claims, MongoOperations mongo) {
        this.claims = claims;
        this.mongo = mongo;
    }

    @PostMapping("/api/benefits/programs/{programId}/claims")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','MEMBER')")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimResponse submit(@PathVariable String programId, @Valid @RequestBody ClaimRequests.Submit request,
            Caller caller) {
        return ClaimResponse.of(claims.submit(programId, request, caller));
    }

    @GetMapping("/api/benefits/claims")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','MEMBER')")
    PageResponse<ClaimResponse> list(@Valid PageQuery page, @RequestParam(required = false) String programId,
            @RequestParam(required = false) ClaimStatus status, Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(Claims.isMemberOnly(caller) ? scope.self("memberId") : scope.subtree("orgPath"));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        if (status != null) {
            conditions.add(where("status").is(status));
        }
        var request = page.toPageRequest(Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("_id")));
        Query query = Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
        long total = mongo.count(query, Claim.class);
        var items = mongo.find(query.with(request), Claim.class).stream().map(ClaimResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    @GetMapping("/api/benefits/claims/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','MEMBER')")
    ClaimResponse get(@PathVariable String id, Caller caller) {
        return ClaimResponse.of(claims.get(id, caller));
    }

    @PostMapping("/api/benefits/claims/{id}/approval")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ClaimResponse approve(@PathVariable String id, @Valid @RequestBody ClaimRequests.Approve request, Caller caller) {
        return ClaimResponse.of(claims.approve(id, request.amountFen(), request.reason(), caller));
    }

    /** Records that an approved claim was paid (the transfer's reference); repeating it with the same reference is a no-op. */
    @PostMapping("/api/benefits/claims/{id}/payout")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ClaimResponse payOut(@PathVariable String id, @Valid @RequestBody ClaimRequests.Payout request, Caller caller) {
        return ClaimResponse.of(claims.payOut(id, request.reference(), caller));
    }

    @PostMapping("/api/benefits/claims/{id}/rejection")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ClaimResponse reject(@PathVariable String id, @Valid @RequestBody ClaimRequests.Reject request, Caller caller) {
        return ClaimResponse.of(claims.reject(id, request.reason(), caller));
    }
}

package org.unionplatform.benefits.claim;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.benefits.export.Spreadsheet;
import org.unionplatform.benefits.export.Spreadsheet.Yuan;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

@RestController
class ClaimController {

    private final Claims claims;
    private final MongoOperations mongo;
    private final AuditTrail audit;

    ClaimController(Claims claims, MongoOperations mongo, AuditTrail audit) {
        this.claims = claims;
        this.mongo = mongo;
        this.audit = audit;
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
        var request = page.toPageRequest(NEWEST_FIRST);
        Query query = listQuery(caller, programId, status);
        long total = mongo.count(query, Claim.class);
        var items = mongo.find(query.with(request), Claim.class).stream().map(ClaimResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    static final List<String> EXPORT_HEADINGS = List.of("理赔编号", "提交时间", "项目", "会员编号", "所属工会",
            "申请金额(元)", "说明", "状态", "审核时间", "批准金额(元)", "理由", "支付时间", "支付凭证号");
    private static final Map<ClaimStatus, String> STATUS = Map.of(ClaimStatus.SUBMITTED, "待审核",
            ClaimStatus.APPROVED, "已批准", ClaimStatus.REJECTED, "已驳回", ClaimStatus.PAID, "已支付");

    /** The claims list (same filters, newest first) as an XLSX download. */
    @GetMapping("/api/benefits/claims.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String programId,
            @RequestParam(required = false) ClaimStatus status, Caller caller) {
        Query query = listQuery(caller, programId, status).with(NEWEST_FIRST).limit(Spreadsheet.MAX_ROWS);
        List<List<Object>> rows = mongo.find(query, Claim.class).stream().map(c -> Arrays.<Object>asList(c.id(),
                c.submittedAt(), c.programName(), c.memberId(), c.organizationId(), new Yuan(c.claimedFen()),
                c.description(), STATUS.get(c.status()), c.decidedAt(),
                c.approvedFen() == null ? null : new Yuan(c.approvedFen()), c.reason(), c.paidAt(),
                c.payoutReference())).toList();
        byte[] workbook = Spreadsheet.write("理赔", EXPORT_HEADINGS, rows);
        audit.record("BENEFITS_EXPORTED", "report:claims.xlsx", AuditOutcome.SUCCESS,
                Map.of("rows", String.valueOf(rows.size())));
        return Spreadsheet.download("理赔.xlsx", workbook);
    }

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("_id"));

    private static Query listQuery(Caller caller, String programId, ClaimStatus status) {
        AccessScope scope = AccessScope.of(caller);
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(Claims.isMemberOnly(caller) ? scope.self("memberId") : scope.subtree("orgPath"));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        if (status != null) {
            conditions.add(where("status").is(status));
        }
        return Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
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

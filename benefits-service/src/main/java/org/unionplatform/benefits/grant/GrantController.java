package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
import org.unionplatform.benefits.export.Spreadsheet;
import org.unionplatform.benefits.export.Spreadsheet.Yuan;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.workers.WorkerTypes;

/** Issuing, reading and revoking grants. */
@RestController
@Validated
class GrantController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Grants grants;
    private final GrantRepository repository;
    private final MongoOperations mongo;
    private final AuditTrail audit;

    GrantController(Grants grants, GrantRepository repository, MongoOperations mongo, AuditTrail audit) {
        this.grants = grants;
        this.repository = repository;
        this.mongo = mongo;
        this.audit = audit;
    }

    @PostMapping("/api/benefits/programs/{programId}/grants")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ResponseEntity<GrantResponse> issue(@PathVariable String programId,
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+") String key,
            @Valid @RequestBody GrantRequests.Issue request, Caller caller) {
        return created(grants.issue(programId, request, key, caller));
    }

    /** A program open to all workers, to a worker who is not a member (name, phone, worker type). */
    @PostMapping("/api/benefits/programs/{programId}/worker-grants")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ResponseEntity<GrantResponse> issueToWorker(@PathVariable String programId,
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+") String key,
            @Valid @RequestBody GrantRequests.IssueToWorker request, Caller caller) {
        return created(grants.issueToWorker(programId, request, key, caller));
    }

    private static ResponseEntity<GrantResponse> created(Grants.Outcome outcome) {
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
        var request = page.toPageRequest(NEWEST_FIRST);
        Query query = listQuery(caller, programId, memberId);
        long total = mongo.count(query, Grant.class);
        var items = mongo.find(query.with(request), Grant.class).stream().map(GrantResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    static final List<String> EXPORT_HEADINGS = List.of("发放编号", "发放时间", "项目", "会员编号", "职业", "所属工会",
            "金额(元)", "物品数量", "物品", "状态", "经办人", "备注", "撤销时间", "撤销原因");

    /** The grants list (same filters, newest first) as an XLSX download for the officer's Excel. */
    @GetMapping("/api/benefits/grants.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String programId,
            @RequestParam(required = false) String memberId, Caller caller) {
        Query query = listQuery(caller, programId, memberId).with(NEWEST_FIRST).limit(Spreadsheet.MAX_ROWS);
        WorkerTypes types = WorkerTypes.standard();
        List<List<Object>> rows = mongo.find(query, Grant.class).stream().map(g -> Arrays.<Object>asList(g.id(),
                g.grantedAt(), g.programName(),
                g.memberId() != null ? g.memberId() : "非会员 " + GrantResponse.maskName(g.workerName()),
                types.label(g.workerType()),
                g.organizationId(), new Yuan(g.amountFen()), g.items(), g.itemName(),
                g.status() == GrantStatus.REVOKED ? "已撤销" : "已发放", g.grantedBy(), g.note(), g.revokedAt(),
                g.revokeReason()))
                .toList();
        byte[] workbook = Spreadsheet.write("发放记录", EXPORT_HEADINGS, rows);
        audit.record("BENEFITS_EXPORTED", "report:grants.xlsx", AuditOutcome.SUCCESS,
                Map.of("rows", String.valueOf(rows.size())));
        return Spreadsheet.download("发放记录.xlsx", workbook);
    }

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("grantedAt"), Sort.Order.asc("_id"));

    private static Query listQuery(Caller caller, String programId, String memberId) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(scope(caller));
        conditions.add(where("status").ne(GrantStatus.CANCELLED));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        if (memberId != null) {
            conditions.add(where("memberId").is(memberId));
        }
        return Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
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

package org.unionplatform.benefits.welcome;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.benefits.export.Spreadsheet;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.workers.WorkerTypes;

/**
 * The welcome-pack queue as officers and organizers see it: the members of their subtree (scoped by the member's
 * union path), oldest first, so page 0 of WAITING is who is served next.
 */
@RestController
class WelcomeQueueController {

    private static final Sort QUEUE_ORDER = Sort.by("queuedAt", "_id");

    private final MongoOperations mongo;
    private final AuditTrail audit;

    WelcomeQueueController(MongoOperations mongo, AuditTrail audit) {
        this.mongo = mongo;
        this.audit = audit;
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
        var request = page.toPageRequest(QUEUE_ORDER);
        Query query = listQuery(caller, programId, status);
        long total = mongo.count(query, WelcomeEntry.class);
        var items = mongo.find(query.with(request), WelcomeEntry.class).stream().map(WelcomeEntryResponse::of).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    static final List<String> EXPORT_HEADINGS = List.of("排队序号", "会员编号", "所属工会", "职业", "项目编号",
            "排队时间", "状态", "发放编号", "发放时间");

    /** The queue (same filters, in queue order) as an XLSX download. */
    @GetMapping("/api/benefits/welcome-queue.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER','ORGANIZER')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String programId,
            @RequestParam(defaultValue = "WAITING") WelcomeEntry.Status status, Caller caller) {
        Query query = listQuery(caller, programId, status).with(QUEUE_ORDER).limit(Spreadsheet.MAX_ROWS);
        WorkerTypes types = WorkerTypes.standard();
        List<WelcomeEntry> entries = mongo.find(query, WelcomeEntry.class);
        List<List<Object>> rows = new ArrayList<>();
        for (WelcomeEntry e : entries) {
            rows.add(Arrays.asList(rows.size() + 1, e.memberId(), e.organizationId(), types.label(e.workerType()),
                    e.programId(), e.queuedAt(), e.status() == WelcomeEntry.Status.SERVED ? "已发放" : "等待中",
                    e.grantId(), e.servedAt()));
        }
        byte[] workbook = Spreadsheet.write("入会礼包排队", EXPORT_HEADINGS, rows);
        audit.record("BENEFITS_EXPORTED", "report:welcome-queue.xlsx", AuditOutcome.SUCCESS,
                Map.of("rows", String.valueOf(rows.size())));
        return Spreadsheet.download("入会礼包排队.xlsx", workbook);
    }

    private static Query listQuery(Caller caller, String programId, WelcomeEntry.Status status) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(AccessScope.of(caller).subtree("orgPath"));
        conditions.add(where("status").is(status));
        if (programId != null) {
            conditions.add(where("programId").is(programId));
        }
        return Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
    }
}

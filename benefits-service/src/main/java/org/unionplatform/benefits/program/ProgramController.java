package org.unionplatform.benefits.program;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/** Programs: officers of the owning subtree (and ADMIN) create, open, close, restock and read them. */
@RestController
@RequestMapping("/api/benefits/programs")
@PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
class ProgramController {

    private final Programs programs;

    ProgramController(Programs programs) {
        this.programs = programs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProgramResponse create(@Valid @RequestBody ProgramRequests.CreateProgram request, Caller caller) {
        return ProgramResponse.of(programs.create(request, caller));
    }

    @GetMapping
    PageResponse<ProgramResponse> list(@Valid PageQuery page, @RequestParam(required = false) ProgramStatus status,
            @RequestParam(required = false) String kind, Caller caller) {
        var request = page.toPageRequest(Sort.by("createdAt", "_id"));
        String statusName = status == null ? null : status.name();
        var items = programs.list(caller, statusName, kind, request).stream().map(ProgramResponse::of).toList();
        long total = programs.count(caller, statusName, kind);
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), total,
                (int) ((total + request.getPageSize() - 1) / request.getPageSize()));
    }

    @GetMapping("/{id}")
    ProgramResponse get(@PathVariable String id, Caller caller) {
        return ProgramResponse.of(programs.require(id, caller));
    }

    @PostMapping("/{id}/open")
    ProgramResponse open(@PathVariable String id, Caller caller) {
        return ProgramResponse.of(programs.open(id, caller));
    }

    @PostMapping("/{id}/close")
    ProgramResponse close(@PathVariable String id, Caller caller) {
        return ProgramResponse.of(programs.close(id, caller));
    }

    @PostMapping("/{id}/stock")
    ProgramResponse addStock(@PathVariable String id, @Valid @RequestBody ProgramRequests.AddStock request,
            Caller caller) {
        return ProgramResponse.of(programs.addStock(id, request.items(), caller));
    }
}

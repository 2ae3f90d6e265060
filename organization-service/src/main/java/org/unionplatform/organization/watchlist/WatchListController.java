package org.unionplatform.organization.watchlist;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.watchlist.WatchListViews.WatchListEntry;

/** The weekly watch list of key platform companies. ADMIN, ORGANIZER and BENEFIT_OFFICER in scope. */
@RestController
class WatchListController {

    private final WatchListViews views;

    WatchListController(WatchListViews views) {
        this.views = views;
    }

    @GetMapping("/api/organizations/companies/watch-list")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')")
    PageResponse<WatchListEntry> watchList(@RequestParam(defaultValue = "false") boolean overdue,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(views.watchList(overdue, page.toPageRequest(Sort.by("lastFollowUpAt", "_id")), caller),
                entry -> entry);
    }
}

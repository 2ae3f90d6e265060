package org.unionplatform.organization.report;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;

/**
 * Closing a month by hand (ADMIN): the scheduler closes each month after it ends; this closes one it could not
 * (a month before the platform ran, or while it was down for longer). Closing a closed month answers it as it is.
 */
@RestController
class MonthClosingController {

    record CloseMonth(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Min(1) @Max(12) Integer month) {
    }

    record ClosedMonth(String month, Instant closedAt, String closedBy, long organizations) {
    }

    private final MonthClosings closings;

    MonthClosingController(MonthClosings closings) {
        this.closings = closings;
    }

    @PostMapping("/api/organizations/reports/closings")
    @PreAuthorize("hasRole('ADMIN')")
    ClosedMonth close(@Valid @RequestBody CloseMonth request, Caller caller) {
        MonthClosing closed = closings.close(YearMonth.of(request.year(), request.month()), caller.subject());
        return new ClosedMonth(closed.month(), closed.closedAt(), closed.closedBy(), closed.organizations());
    }
}

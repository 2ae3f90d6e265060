package org.unionplatform.organization.watchlist;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.organization.company.Company;
import org.unionplatform.organization.company.CompanyRepository;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.founding.FoundingViews;

/** Builds the weekly watch list from the companies in scope and the foundings in progress that include them. */
@Component
class WatchListViews {

    /**
     * One line of the weekly watch list: a key platform company, how far it got, and when it was last followed.
     *
     * @param followedUpThisWeek whether a follow-up was recorded in the current week (Monday to Sunday, Beijing time)
     * @param daysSinceFollowUp  whole days since the last follow-up, or null if there never was one
     * @param foundingStepsDone  steps done of the founding in progress that includes the company, or null
     * @param liaison            the organizer named to follow the company, or null
     * @param followUpDue        the next weekly follow-up's due instant: a week after the last one, at once if none
     * @param overdue            the due instant has passed
     */
    record WatchListEntry(String companyId, String name, String platform, String divisionCode, String orgPath,
            CompanyStatus status, String statusLabel, Instant statusSince, int totalHeadcount,
            String coveringOrganizationId, Instant lastFollowUpAt, boolean followedUpThisWeek, Long daysSinceFollowUp,
            String foundingId, Integer foundingStepsDone, Integer foundingSteps, String nextFoundingStep,
            String liaison, Instant followUpDue, boolean overdue) {
    }

    /** Key platform companies are followed weekly (docs/organizations.md, "Weekly watch list"). */
    static final Duration FOLLOW_UP_EVERY = Duration.ofDays(7);

    private final CompanyRepository companies;
    private final FoundingViews foundings;
    private final Clock clock;

    WatchListViews(CompanyRepository companies, FoundingViews foundings, Clock clock) {
        this.companies = companies;
        this.foundings = foundings;
        this.clock = clock;
    }

    /** @param overdueOnly only the companies whose weekly follow-up is past due (never followed up included) */
    Page<WatchListEntry> watchList(boolean overdueOnly, Pageable pageable, Caller caller) {
        Instant now = clock.instant();
        Criteria keyPlatforms = where("keyPlatform").is(true);
        if (overdueOnly) {
            keyPlatforms = keyPlatforms.orOperator(where("lastFollowUpAt").is(null),
                    where("lastFollowUpAt").lt(now.minus(FOLLOW_UP_EVERY)));
        }
        Criteria criteria = new Criteria().andOperator(AccessScope.of(caller).subtree("orgPath"), keyPlatforms);
        Page<Company> page = companies.page(criteria, pageable);
        Map<String, FoundingViews.Progress> progress =
                foundings.inProgressFor(page.getContent().stream().map(Company::id).toList());
        Instant weekStart = LocalDate.ofInstant(now, ChinaTime.ZONE)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ChinaTime.ZONE).toInstant();
        return page.map(company -> {
            FoundingViews.Progress founding = progress.get(company.id());
            Instant last = company.lastFollowUpAt();
            List<Company.StatusChange> history = company.statusHistory();
            Instant due = last == null ? now : last.plus(FOLLOW_UP_EVERY);
            return new WatchListEntry(company.id(), company.name(), company.platform(), company.divisionCode(),
                    company.orgPath(),
                    company.status(), company.status().label(),
                    history.isEmpty() ? company.createdAt() : history.getLast().at(), company.totalHeadcount(),
                    company.coveringOrganizationId(), last, last != null && !last.isBefore(weekStart),
                    last == null ? null : Duration.between(last, now).toDays(),
                    founding == null ? null : founding.foundingId(), founding == null ? null : founding.stepsDone(),
                    founding == null ? null : founding.steps(), founding == null ? null : founding.nextStep(),
                    company.liaison() == null ? null : company.liaison().name(), due, !due.isAfter(now));
        });
    }
}

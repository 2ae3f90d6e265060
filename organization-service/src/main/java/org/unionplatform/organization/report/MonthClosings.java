package org.unionplatform.organization.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Closes months into snapshots ({@link MonthSnapshot}), so a past month reads the same next year. Automatic: every
 * hour (at :10, Beijing time) the month before the current one is closed unless it already is, so a service that
 * was down at month end catches up. Idempotent: a snapshot is inserted by id once and never rewritten, and the
 * {@link MonthClosing} marker is written after all of them, so a repeated or interrupted closing changes nothing
 * already closed. An administrator may close any month that is over (e.g. one before the platform ran).
 */
@Service
class MonthClosings {

    private final MongoTemplate mongo;
    private final OrganizationRepository organizations;
    private final TallyRepository tallies;
    private final Clock clock;

    MonthClosings(MongoTemplate mongo, OrganizationRepository organizations, TallyRepository tallies, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.tallies = tallies;
        this.clock = clock;
    }

    @Scheduled(cron = "${platform.reports.closing-cron:0 10 * * * *}", zone = "Asia/Shanghai")
    void closeLastMonth() {
        YearMonth last = YearMonth.now(clock.withZone(ChinaTime.ZONE)).minusMonths(1);
        if (!isClosed(last)) {
            close(last, "scheduler");
        }
    }

    /** Closes a month that is over (422 {@code month-not-over} otherwise); a closed month is answered as it is. */
    MonthClosing close(YearMonth month, String by) {
        if (!month.isBefore(YearMonth.now(clock.withZone(ChinaTime.ZONE)))) {
            throw new BusinessRuleViolationException("month-not-over", "Only a month that is over can be closed; "
                    + month + " is not.").with("field", "month");
        }
        MonthClosing existing = mongo.findById(month.toString(), MonthClosing.class);
        if (existing != null) {
            return existing;
        }
        long count = 0;
        try (Stream<Organization> all = organizations.streamAll()) {
            for (Organization organization : (Iterable<Organization>) all::iterator) {
                snapshot(organization, month);
                count++;
            }
        }
        try {
            mongo.insert(new MonthClosing(month.toString(), clock.instant(), by, count));
        } catch (DuplicateKeyException closedMeanwhile) {
            // another instance marked it first: its marker stands
        }
        return mongo.findById(month.toString(), MonthClosing.class); // as stored, as every later answer
    }

    private void snapshot(Organization organization, YearMonth month) {
        String id = MonthSnapshot.id(organization.id(), month);
        if (mongo.exists(Query.query(where("_id").is(id)), MonthSnapshot.class)) {
            return;
        }
        Map<String, Map<String, Long>> buckets = tallies.counters(organization.id(),
                List.of(month.toString(), Tally.ALL));
        Map<String, Long> standing = new HashMap<>(buckets.getOrDefault(Tally.ALL, Map.of()));
        List<MonthSnapshot.Child> children = organizations.children(organization.id()).stream()
                .map(child -> new MonthSnapshot.Child(child.id(), child.name()))
                .sorted(Comparator.comparing(MonthSnapshot.Child::organizationId)).toList();
        try {
            mongo.insert(new MonthSnapshot(id, organization.id(), month.toString(),
                    buckets.getOrDefault(month.toString(), Map.of()), standing, children, clock.instant()));
        } catch (DuplicateKeyException writtenMeanwhile) {
            // another instance closed it first: the first snapshot stands
        }
    }

    boolean isClosed(YearMonth month) {
        return mongo.exists(Query.query(where("_id").is(month.toString())), MonthClosing.class);
    }

    /** Which of these months are closed, in one read. */
    Set<YearMonth> closedAmong(Collection<YearMonth> months) {
        List<String> ids = months.stream().map(YearMonth::toString).toList();
        return mongo.find(Query.query(where("_id").in(ids)), MonthClosing.class).stream()
                .map(closing -> YearMonth.parse(closing.month())).collect(Collectors.toSet());
    }

    /** An organisation's snapshots of these months, by month, in one read. */
    Map<YearMonth, MonthSnapshot> snapshots(String organizationId, Collection<YearMonth> months) {
        List<String> ids = months.stream().map(month -> MonthSnapshot.id(organizationId, month)).toList();
        return mongo.find(Query.query(where("_id").in(ids)), MonthSnapshot.class).stream()
                .collect(Collectors.toMap(snapshot -> YearMonth.parse(snapshot.month()), snapshot -> snapshot));
    }
}

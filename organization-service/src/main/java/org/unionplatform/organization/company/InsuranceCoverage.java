package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.reference.Place;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Social insurance and work-injury insurance coverage of the surveyed companies' workers, by district (county) or
 * by platform: now, from the companies' last surveys, and month by month from the snapshot each survey writes
 * ({@code company_insurance_months}, one document per company and month, the month's last survey winning). A month
 * counts every company of the subtree by its latest snapshot up to that month, so a company surveyed in March
 * still counts in June; a month before a company's first survey does not count it.
 */
@Component
public class InsuranceCoverage {

    /** How the figure is broken down. */
    public enum By { DISTRICT, PLATFORM }

    /** One line of the figure: its key and label, and the sums. Rates are percentages with one decimal. */
    public record Line(String key, String label, int companies, long workers, long socialInsured,
            long workInjuryInsured, double socialRate, double workInjuryRate) {
    }

    /** A company's figures as surveyed in a month. */
    @Document(MonthFigures.COLLECTION)
    @CompoundIndex(name = "company_month", def = "{'companyId': 1, 'month': 1}")
    record MonthFigures(@Id String id, String companyId, String month, String divisionCode, String platform,
            long workers, long socialInsured, long workInjuryInsured) {

        static final String COLLECTION = "company_insurance_months";
    }

    /** One month of the figure. */
    public record Month(String month, List<Line> lines) {
    }

    static final String NO_PLATFORM = "未注明平台";

    private final MongoTemplate mongo;

    InsuranceCoverage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes this month's figures of the companies just surveyed (one upsert each, in one bulk). */
    void snapshot(Collection<Company> surveyed, Instant at) {
        if (surveyed.isEmpty()) {
            return;
        }
        String month = YearMonth.from(at.atZone(ChinaTime.ZONE)).toString();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MonthFigures.class);
        for (Company c : surveyed) {
            Company.Survey survey = c.survey();
            bulk.upsert(Query.query(where("_id").is(c.id() + ":" + month)), new Update()
                    .set("companyId", c.id()).set("month", month).set("divisionCode", c.divisionCode())
                    .set("platform", c.platform()).set("workers", (long) c.totalHeadcount())
                    .set("socialInsured", (long) survey.socialInsured())
                    .set("workInjuryInsured", (long) survey.workInjuryInsured()));
        }
        bulk.execute();
    }

    /** The figure now: every surveyed company of the subtree by its last survey. */
    public List<Line> now(Organization root, By by) {
        List<Figures> figures = new ArrayList<>();
        for (Company c : companiesOf(root)) {
            if (c.survey() != null) {
                figures.add(new Figures(c.divisionCode(), c.platform(), c.totalHeadcount(), c.survey().socialInsured(),
                        c.survey().workInjuryInsured()));
            }
        }
        return lines(figures, by);
    }

    /** Month by month from {@code from} to {@code to}, each company by its latest snapshot up to the month. */
    public List<Month> months(Organization root, By by, YearMonth from, YearMonth to) {
        List<String> ids = companiesOf(root).stream().map(Company::id).toList();
        Map<String, TreeMap<String, MonthFigures>> byCompany = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            for (MonthFigures m : mongo.find(Query.query(where("companyId").in(ids.subList(i,
                    Math.min(ids.size(), i + 1000))).and("month").lte(to.toString())), MonthFigures.class)) {
                byCompany.computeIfAbsent(m.companyId(), k -> new TreeMap<>()).put(m.month(), m);
            }
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            List<Figures> figures = new ArrayList<>();
            for (TreeMap<String, MonthFigures> history : byCompany.values()) {
                Map.Entry<String, MonthFigures> latest = history.floorEntry(month.toString());
                if (latest != null) {
                    MonthFigures m = latest.getValue();
                    figures.add(new Figures(m.divisionCode(), m.platform(), m.workers(), m.socialInsured(),
                            m.workInjuryInsured()));
                }
            }
            months.add(new Month(month.toString(), lines(figures, by)));
        }
        return months;
    }

    private record Figures(String divisionCode, String platform, long workers, long social, long workInjury) {
    }

    private List<Company> companiesOf(Organization root) {
        return mongo.find(Query.query(OrganizationRepository.subtreeOf("orgPath", root.path())), Company.class);
    }

    private static List<Line> lines(List<Figures> figures, By by) {
        Function<Figures, String> key = by == By.DISTRICT ? InsuranceCoverage::district
                : f -> f.platform() == null ? NO_PLATFORM : f.platform();
        Map<String, long[]> sums = new TreeMap<>();
        for (Figures f : figures) {
            long[] sum = sums.computeIfAbsent(key.apply(f), k -> new long[4]);
            sum[0]++;
            sum[1] += f.workers();
            sum[2] += f.social();
            sum[3] += f.workInjury();
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((k, s) -> lines.add(new Line(k, by == By.DISTRICT ? placeName(k) : k, (int) s[0], s[1], s[2],
                s[3], rate(s[2], s[1]), rate(s[3], s[1]))));
        return lines;
    }

    /** The county of a township or county code; a city's or province's own code stands for itself. */
    private static String district(Figures f) {
        String county = DivisionCodes.county(f.divisionCode());
        return county == null ? f.divisionCode() : county;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static String placeName(String code) {
        Places places = Places.shipped();
        return places.find(code).map(p -> String.join("", places.path(p).stream().map(Place::name).toList()))
                .orElse(code);
    }
}

package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.unionplatform.common.reference.CreditCodes;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.rows.RowReader;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Companies surveyed at scale (docs/organizations.md, "Company surveys"): a CSV or XLSX file of the statistics, HR
 * and tax bureaus' data, one company per row, read through platform-common's row readers (the ones membership's
 * rosters use). A dry run checks every row and writes nothing; a real run registers the new companies under the
 * organisation, updates the known ones in scope by credit code, and records this month's insurance figures of each.
 * Every row gets an outcome; a dry run reports every row, a real run the rows refused.
 */
@Service
public class CompanySurveys {

    /** Rows per upload: the survey is read in the request. */
    static final int MAX_ROWS = 20_000;
    private static final int CHUNK = 500;

    enum Outcome { CREATED, UPDATED, WOULD_CREATE, WOULD_UPDATE, REJECTED }

    /** One row's outcome: a stable code and a reason in Chinese for the refused ones. */
    record Line(long line, String creditCode, String name, Outcome outcome, String code, String reason) {
    }

    record Report(boolean dryRun, String organizationId, String fileFormat, long rows, long created, long updated,
            long rejected, List<Line> lines) {
    }

    /** The fields of a row and the column names that say them (blanks, asterisks and bracketed notes ignored). */
    private static final Map<String, List<String>> HEADERS = Map.of(
            "creditCode", List.of("统一社会信用代码", "信用代码", "社会信用代码"),
            "name", List.of("企业名称", "单位名称", "名称"),
            "type", List.of("企业类型", "类型"),
            "platform", List.of("所属平台", "平台"),
            "outletAddress", List.of("网点地址", "经营地址", "地址"),
            "divisionCode", List.of("所在区县", "行政区划代码", "区划代码", "所在地区"),
            "employmentForm", List.of("用工形式"),
            "socialInsured", List.of("参加社会保险人数", "社保人数", "社会保险人数"),
            "workInjuryInsured", List.of("参加工伤保险人数", "工伤保险人数"));
    private static final List<String> REQUIRED = List.of("creditCode", "name", "type", "divisionCode");

    private final MongoTemplate mongo;
    private final CompanyRepository companies;
    private final OrganizationRepository organizations;
    private final TallyRepository tallies;
    private final InsuranceCoverage coverage;
    private final WorkerTypes workerTypes;
    private final Clock clock;

    CompanySurveys(MongoTemplate mongo, CompanyRepository companies, OrganizationRepository organizations,
            TallyRepository tallies, InsuranceCoverage coverage, WorkerTypes workerTypes, Clock clock) {
        this.mongo = mongo;
        this.companies = companies;
        this.organizations = organizations;
        this.tallies = tallies;
        this.coverage = coverage;
        this.workerTypes = workerTypes;
        this.clock = clock;
    }

    Report importFile(MultipartFile upload, String organizationId, boolean dryRun, Caller caller) throws IOException {
        Organization organization = organizations.byId(organizationId)
                .filter(o -> AccessScope.of(caller).coversOrgPath(o.path()))
                .orElseThrow(() -> Company.rule("unknown-organization", "organizationId",
                        "No organisation " + organizationId + " in your scope."));
        if (upload.isEmpty()) {
            throw new BusinessRuleViolationException("survey-file", "The uploaded file is empty.");
        }
        Path file = Files.createTempFile("company-survey-", ".upload");
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            RowReader reader = RowReader.forFile(upload.getOriginalFilename(), file);
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> columns = new HashMap<>();
            try {
                reader.read(file, (line, cells) -> {
                    if (columns.isEmpty()) {
                        columns.putAll(header(cells));
                        return;
                    }
                    if (rows.size() >= MAX_ROWS) {
                        throw new SurveyTooLarge();
                    }
                    rows.add(new Row(line, cells));
                });
            } catch (IOException unreadable) {
                // A damaged workbook or a file that is no spreadsheet: the organizer's file, not the service, failed.
                throw new BusinessRuleViolationException("survey-file", "文件无法读取，请上传 CSV 或 XLSX 格式的普查表。");
            }
            if (columns.isEmpty()) {
                throw new BusinessRuleViolationException("survey-columns", "文件没有表头行。");
            }
            return run(rows, columns, reader.describe(), organization, dryRun, caller);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Row(long line, List<String> cells) {
    }

    /** A valid row as the company's new survey. */
    private record Surveyed(long line, String creditCode, String name, CompanyType type, String platform,
            String divisionCode, Map<String, Integer> headcount, Company.Survey survey) {
    }

    private Report run(List<Row> rows, Map<String, Integer> columns, String format, Organization organization,
            boolean dryRun, Caller caller) {
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        List<Surveyed> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            Object checked = check(row, columns, organization, now, caller.subject());
            if (checked instanceof Line refused) {
                lines.add(refused);
            } else {
                Surveyed surveyed = (Surveyed) checked;
                if (!seen.add(surveyed.creditCode())) {
                    lines.add(refused(row, surveyed.creditCode(), surveyed.name(), "duplicate-in-file",
                            "同一统一社会信用代码在文件中出现多次"));
                } else {
                    valid.add(surveyed);
                }
            }
        }
        AccessScope scope = AccessScope.of(caller);
        long created = 0;
        long updated = 0;
        List<Company> recorded = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Surveyed> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            Map<String, Company> known = new HashMap<>();
            mongo.find(Query.query(where("creditCode").in(chunk.stream().map(Surveyed::creditCode).toList())),
                    Company.class).forEach(c -> known.put(c.creditCode(), c));
            List<Company> fresh = new ArrayList<>();
            for (Surveyed s : chunk) {
                Company existing = known.get(s.creditCode());
                if (existing != null && !scope.coversOrgPath(existing.orgPath())) {
                    lines.add(new Line(s.line(), s.creditCode(), s.name(), Outcome.REJECTED, "company-out-of-scope",
                            "该企业已由您管辖范围以外的组织登记"));
                    continue;
                }
                Company company = existing != null ? existing : Company.register(UUID.randomUUID().toString(),
                        s.creditCode(), s.name(), s.type(), s.platform(), null, s.divisionCode(), organization,
                        s.headcount(), false, caller.subject(), now);
                company.surveyed(s.name(), s.type(), s.platform(), s.headcount(), s.survey());
                if (existing != null) {
                    updated++;
                    if (dryRun) {
                        lines.add(new Line(s.line(), s.creditCode(), s.name(), Outcome.WOULD_UPDATE, null, null));
                    } else {
                        recorded.add(companies.save(company));
                    }
                } else {
                    created++;
                    if (dryRun) {
                        lines.add(new Line(s.line(), s.creditCode(), s.name(), Outcome.WOULD_CREATE, null, null));
                    } else {
                        fresh.add(company);
                    }
                }
            }
            if (!fresh.isEmpty()) {
                recorded.addAll(mongo.insert(fresh, Company.class));
            }
        }
        if (!dryRun) {
            if (created > 0) {
                tallies.add(Tally.idsOf(organization.path()), Map.of(Counters.COMPANIES + CompanyStatus.SURVEYED.name(),
                        created));
            }
            coverage.snapshot(recorded, now);
        }
        lines.sort((a, b) -> Long.compare(a.line(), b.line()));
        long rejected = lines.stream().filter(l -> l.outcome() == Outcome.REJECTED).count();
        return new Report(dryRun, organization.id(), format, rows.size(), created, updated, rejected, lines);
    }

    /** The row as a survey, or the line refusing it. */
    private Object check(Row row, Map<String, Integer> columns, Organization organization, Instant now, String by) {
        String creditCode = cell(row, columns, "creditCode");
        String name = cell(row, columns, "name");
        if (creditCode != null) {
            creditCode = creditCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
        if (creditCode == null || !CreditCodes.isValid(creditCode)) {
            return refused(row, creditCode, name, "credit-code-invalid", "统一社会信用代码缺失或校验位不正确");
        }
        if (name == null || name.length() > 100) {
            return refused(row, creditCode, name, "name-invalid", "企业名称缺失或超过100字");
        }
        String typeCell = cell(row, columns, "type");
        Optional<CompanyType> type = typeCell == null ? Optional.empty() : java.util.Arrays.stream(CompanyType.values())
                .filter(t -> t.name().equalsIgnoreCase(typeCell) || t.label().equals(typeCell))
                .findFirst();
        if (type.isEmpty()) {
            return refused(row, creditCode, name, "type-invalid", "企业类型无法识别：" + (typeCell == null ? "空" : typeCell));
        }
        String division = cell(row, columns, "divisionCode");
        if (division == null || !Places.shipped().isKnown(division)) {
            return refused(row, creditCode, name, "division-invalid", "所在区县代码无法识别：" + (division == null ? "空"
                    : division));
        }
        if (!DivisionCodes.contains(organization.divisionCode(), division)) {
            return refused(row, creditCode, name, "division-outside", "所在区县不在" + organization.name() + "的区域内");
        }
        Map<String, Integer> headcount = new LinkedHashMap<>();
        for (String workerType : workerTypes.codes()) {
            Integer column = columns.get("headcount:" + workerType);
            if (column == null) {
                continue;
            }
            String value = cell(row, column);
            if (value == null) {
                continue;
            }
            Integer count = count(value);
            if (count == null) {
                return refused(row, creditCode, name, "headcount-invalid", workerTypes.label(workerType)
                        + "人数不是非负整数：" + value);
            }
            if (count > 0) {
                headcount.put(workerType, count);
            }
        }
        int total = headcount.values().stream().mapToInt(Integer::intValue).sum();
        Integer social = countOrZero(cell(row, columns, "socialInsured"));
        Integer workInjury = countOrZero(cell(row, columns, "workInjuryInsured"));
        if (social == null || workInjury == null) {
            return refused(row, creditCode, name, "insured-invalid", "参保人数不是非负整数");
        }
        if (social > total || workInjury > total) {
            return refused(row, creditCode, name, "insured-exceeds-headcount", "参保人数（社保" + social + "、工伤"
                    + workInjury + "）超过从业人数" + total);
        }
        String formCell = cell(row, columns, "employmentForm");
        EmploymentForm form = null;
        if (formCell != null) {
            form = EmploymentForm.resolve(formCell).orElse(null);
            if (form == null) {
                return refused(row, creditCode, name, "employment-form-invalid", "用工形式无法识别：" + formCell);
            }
        }
        String address = cell(row, columns, "outletAddress");
        String platform = cell(row, columns, "platform");
        return new Surveyed(row.line(), creditCode, name, type.get(),
                platform == null ? null : truncate(platform, 50), division, headcount,
                new Company.Survey(address == null ? null : truncate(address, 200), form, social, workInjury, now, by));
    }

    private static Line refused(Row row, String creditCode, String name, String code, String reason) {
        return new Line(row.line(), creditCode, name, Outcome.REJECTED, code, reason);
    }

    /** Field -> column index; a missing required column fails the file, naming the names that would do (422). */
    private Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String heading = normalise(cells.get(i));
            for (Map.Entry<String, List<String>> field : HEADERS.entrySet()) {
                if (field.getValue().contains(heading)) {
                    columns.putIfAbsent(field.getKey(), i);
                }
            }
            for (String workerType : workerTypes.codes()) {
                if (heading.equals(workerTypes.label(workerType) + "人数") || heading.equals(workerType + "人数")) {
                    columns.putIfAbsent("headcount:" + workerType, i);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(field -> !columns.containsKey(field))
                .map(field -> String.join("/", HEADERS.get(field))).toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolationException("survey-columns", "缺少必填列：" + String.join("；", missing));
        }
        return columns;
    }

    private static String normalise(String heading) {
        return heading.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s*＊:：\uFEFF]", "");
    }

    private static String cell(Row row, Map<String, Integer> columns, String field) {
        Integer column = columns.get(field);
        return column == null ? null : cell(row, column);
    }

    private static String cell(Row row, int column) {
        if (column >= row.cells().size()) {
            return null;
        }
        String value = row.cells().get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static Integer count(String value) {
        String v = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (!v.matches("\\d{1,8}")) {
            return null;
        }
        return Integer.parseInt(v);
    }

    private static Integer countOrZero(String value) {
        return value == null ? Integer.valueOf(0) : count(value);
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** 422: more rows than one upload takes. */
    static final class SurveyTooLarge extends BusinessRuleViolationException {
        SurveyTooLarge() {
            super("survey-too-large", "A survey file holds at most " + MAX_ROWS + " rows; split it.");
        }
    }
}

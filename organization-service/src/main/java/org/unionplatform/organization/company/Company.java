package org.unionplatform.organization.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.events.EnterpriseStatusChanged;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.organization.tree.Organization;

/**
 * A company where gig workers work, as organizers survey and follow it. It belongs to the organisation
 * responsible for it ({@code orgPath}, the scope) and, once a union is founded, is covered by that union.
 * The credit code is unique (sparse: outlets may have none).
 */
@CompoundIndex(name = "keyPlatform_lastFollowUpAt", def = "{'keyPlatform': 1, 'lastFollowUpAt': 1, '_id': 1}")
@CompoundIndex(name = "name", def = "{'name': 1, '_id': 1}")
@Document(Company.COLLECTION)
public class Company extends OutboxAggregate {

    public static final String COLLECTION = "companies";
    private static final int FOLLOW_UPS_KEPT = 50;

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String creditCode;
    private String name;
    private CompanyType type;
    private String platform;
    private String parentCompanyId;
    private String divisionCode;
    @Indexed
    private String organizationId;
    @Indexed
    private String orgPath;
    private Map<String, Integer> headcount;
    private CompanyStatus status;
    private List<StatusChange> statusHistory;
    @Indexed
    private String coveringOrganizationId;
    private boolean keyPlatform;
    private List<FollowUp> followUps;
    private Instant lastFollowUpAt;
    /** What the last survey said beyond the headcount (outlet, employment form, insured workers), or null. */
    private Survey survey;
    /** The organizer named to follow this key platform company week by week, or null. */
    private Liaison liaison;
    private Instant createdAt;
    private String createdBy;
    @Version
    private Long version;

    Company() {
    }

    public record StatusChange(CompanyStatus status, Instant at, String by, String note) {
    }

    public record FollowUp(Instant at, String by, String note) {
    }

    /**
     * A company's survey figures beyond its headcount: the outlet's address, how it employs its workers, and how
     * many of them have social insurance and work-injury insurance (never more than its headcount).
     */
    public record Survey(String outletAddress, EmploymentForm employmentForm, int socialInsured,
            int workInjuryInsured, Instant surveyedAt, String surveyedBy) {
    }

    /** A survey row for this company: its name, type, platform and headcount as surveyed now, and the figures. */
    void surveyed(String name, CompanyType type, String platform, Map<String, Integer> headcount, Survey survey) {
        this.name = name;
        this.type = type;
        this.platform = platform;
        this.headcount = Map.copyOf(headcount);
        this.survey = survey;
    }

    /** The organizer named to follow a key platform company in its district, and who named them when. */
    public record Liaison(String name, String assignedBy, Instant assignedAt) {
    }

    /** Names the liaison of a key platform company (422 {@code not-key-platform} for any other). */
    void nameLiaison(String name, String by, Instant at) {
        if (!keyPlatform) {
            throw rule("not-key-platform", "keyPlatform",
                    "A liaison follows a key platform company; mark the company as one first.");
        }
        liaison = new Liaison(name, by, at);
    }

    /**
     * A company surveyed now, under the organisation responsible for it: every company but an outlet has a credit
     * code, and its division lies within the organisation's.
     */
    static Company register(String id, String creditCode, String name, CompanyType type, String platform,
            String parentCompanyId, String divisionCode, Organization organization,
            Map<String, Integer> headcount, boolean keyPlatform, String by, Instant at) {
        if (creditCode == null && type != CompanyType.OUTLET) {
            throw rule("credit-code-required", "creditCode",
                    "Every company but an outlet has a unified social credit code.");
        }
        if (!DivisionCodes.contains(organization.divisionCode(), divisionCode)) {
            throw rule("division-within-organization", "divisionCode",
                    "The company's division must lie within its organisation's division "
                            + organization.divisionCode() + ".");
        }
        String organizationId = organization.id();
        String orgPath = organization.path();
        Company company = new Company();
        company.id = id;
        company.creditCode = creditCode;
        company.name = name;
        company.type = type;
        company.platform = platform;
        company.parentCompanyId = parentCompanyId;
        company.divisionCode = divisionCode;
        company.organizationId = organizationId;
        company.orgPath = orgPath;
        company.headcount = headcount == null ? Map.of() : Map.copyOf(headcount);
        company.keyPlatform = keyPlatform;
        company.status = CompanyStatus.SURVEYED;
        company.statusHistory = new ArrayList<>(List.of(new StatusChange(CompanyStatus.SURVEYED, at, by, null)));
        company.followUps = new ArrayList<>();
        company.createdAt = at;
        company.createdBy = by;
        return company;
    }

    void change(String name, String platform, Map<String, Integer> headcount, boolean keyPlatform) {
        this.name = name;
        this.platform = platform;
        this.headcount = headcount == null ? Map.of() : Map.copyOf(headcount);
        this.keyPlatform = keyPlatform;
    }

    /**
     * Moves one step along the pipeline and announces it. An established company names the union covering it
     * (given now or earlier).
     */
    void advance(CompanyStatus next, String coveringOrganizationId, String by, String note, Instant at) {
        if (!next.isNextAfter(status)) {
            throw rule("status-order", "status", "A company moves one step at a time: "
                    + "SURVEYED -> GUIDED -> PREPARING -> ESTABLISHED; it is " + status + ".");
        }
        if (next == CompanyStatus.ESTABLISHED && coveringOrganizationId == null
                && this.coveringOrganizationId == null) {
            throw rule("established-needs-union", "coveringOrganizationId",
                    "An established company names the union that covers it.");
        }
        moveTo(next, coveringOrganizationId, by, note, at);
    }

    /**
     * A union founded for this company: it is established and covered by the union, whatever step it had reached
     * (the founding is the proof). An already established company only changes its covering union, silently.
     */
    void unionFounded(String unionId, String unionName, String by, Instant at) {
        if (status == CompanyStatus.ESTABLISHED) {
            coveringOrganizationId = unionId;
            return;
        }
        moveTo(CompanyStatus.ESTABLISHED, unionId, by, "工会成立：" + unionName, at);
    }

    private void moveTo(CompanyStatus next, String coveringOrganizationId, String by, String note, Instant at) {
        if (coveringOrganizationId != null) {
            this.coveringOrganizationId = coveringOrganizationId;
        }
        status = next;
        statusHistory.add(new StatusChange(next, at, by, note));
        registerEvent(new EnterpriseStatusChanged(id, creditCode, name, next.name(), this.coveringOrganizationId, at));
    }

    /** Demo data: a company surveyed earlier that has reached {@code reached}; no event (nothing changes now). */
    void seedHistory(CompanyStatus reached, String coveringOrganizationId, String by, List<Instant> dates) {
        statusHistory = new ArrayList<>();
        for (CompanyStatus step : CompanyStatus.values()) {
            if (step.ordinal() > reached.ordinal()) {
                break;
            }
            statusHistory.add(new StatusChange(step, dates.get(step.ordinal()), by, null));
        }
        status = reached;
        createdAt = dates.getFirst();
        this.coveringOrganizationId = coveringOrganizationId;
    }

    void followUp(String by, String note, Instant at) {
        followUps.add(new FollowUp(at, by, note));
        if (followUps.size() > FOLLOW_UPS_KEPT) {
            followUps = new ArrayList<>(followUps.subList(followUps.size() - FOLLOW_UPS_KEPT, followUps.size()));
        }
        lastFollowUpAt = at;
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    public String id() { return id; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
    public CompanyType type() { return type; }
    public String platform() { return platform; }
    public String parentCompanyId() { return parentCompanyId; }
    public String divisionCode() { return divisionCode; }
    public String organizationId() { return organizationId; }
    public String orgPath() { return orgPath; }
    public Map<String, Integer> headcount() { return headcount == null ? Map.of() : headcount; }
    public CompanyStatus status() { return status; }
    public List<StatusChange> statusHistory() { return statusHistory == null ? List.of() : statusHistory; }
    public String coveringOrganizationId() { return coveringOrganizationId; }
    public boolean keyPlatform() { return keyPlatform; }
    public List<FollowUp> followUps() { return followUps == null ? List.of() : followUps; }
    public Instant lastFollowUpAt() { return lastFollowUpAt; }
    public Liaison liaison() { return liaison; }
    public Survey survey() { return survey; }
    public Instant createdAt() { return createdAt; }

    public int totalHeadcount() {
        return headcount().values().stream().mapToInt(Integer::intValue).sum();
    }
}

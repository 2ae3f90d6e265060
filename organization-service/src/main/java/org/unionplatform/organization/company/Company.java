package org.unionplatform.organization.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;

/**
 * A company where gig workers work, as organizers survey and follow it. It belongs to the organisation
 * responsible for it ({@code orgPath}, the scope) and, once a union is founded, is covered by that union.
 * The credit code is unique (sparse: outlets may have none).
 */
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
    private Instant createdAt;
    private String createdBy;
    @Version
    private Long version;

    Company() {
    }

    record StatusChange(CompanyStatus status, Instant at, String by, String note) {
    }

    record FollowUp(Instant at, String by, String note) {
    }

    static Company register(String id, String creditCode, String name, CompanyType type, String platform,
            String parentCompanyId, String divisionCode, String organizationId, String orgPath,
            Map<String, Integer> headcount, boolean keyPlatform, String by, Instant at) {
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

    /** Moves to {@code next} (the caller checked the order) and announces it. */
    void moveTo(CompanyStatus next, String coveringOrganizationId, String by, String note, Instant at) {
        if (coveringOrganizationId != null) {
            this.coveringOrganizationId = coveringOrganizationId;
        }
        status = next;
        statusHistory.add(new StatusChange(next, at, by, note));
        registerEvent("enterprise.status-changed", new StatusChanged(id, creditCode, name, next.name(),
                this.coveringOrganizationId, at));
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

    void coveredBy(String organizationId) {
        this.coveringOrganizationId = organizationId;
    }

    void followUp(String by, String note, Instant at) {
        followUps.add(new FollowUp(at, by, note));
        if (followUps.size() > FOLLOW_UPS_KEPT) {
            followUps = new ArrayList<>(followUps.subList(followUps.size() - FOLLOW_UPS_KEPT, followUps.size()));
        }
        lastFollowUpAt = at;
    }

    record StatusChanged(String companyId, String creditCode, String name, String status,
            String coveringOrganizationId, Instant changedAt) {
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
    public Instant createdAt() { return createdAt; }

    public int totalHeadcount() {
        return headcount().values().stream().mapToInt(Integer::intValue).sum();
    }
}

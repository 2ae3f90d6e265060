package org.unionplatform.organization.founding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.events.FoundingStarted;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;

/**
 * A union being founded under a parent organisation, step by step in the fixed order of {@link FoundingStep}
 * (Trade Union Law art. 11): the founding meeting and its election, then the approval of the union one level up
 * (the parent), from which the union exists with the founding's id ({@code APPROVED}); the legal-person
 * certificate and the bank account follow ({@code COMPLETED}). Its scope is the parent's path.
 */
@CompoundIndex(name = "startedAt", def = "{'startedAt': 1, '_id': 1}")
@Document(Founding.COLLECTION)
class Founding extends OutboxAggregate {

    static final String COLLECTION = "foundings";

    /** In progress until approved; approved: the union exists; completed: certificate and bank account done. */
    enum Status { IN_PROGRESS, APPROVED, COMPLETED }

    record StepRecord(FoundingStep step, String label, LocalDate date, String actor, String note,
            Instant recordedAt) {
    }

    @Id
    private String id;
    @Indexed
    private String parentId;
    @Indexed
    private String orgPath;
    private String name;
    private OrganizationKind kind;
    private String divisionCode;
    private Set<String> workerTypes;
    private Set<String> platforms;
    @Indexed
    private List<String> companyIds;
    private List<StepRecord> steps;
    private Status status;
    private String organizationId;
    private Instant startedAt;
    private String startedBy;
    private LocalDate approvedOn;
    private String approvedBy;
    private Instant completedAt;
    @Version
    private Long version;

    Founding() {
    }

    /** Federations by level are set up by the tree's owners, not founded by this workflow. */
    static final Set<OrganizationKind> FOUNDABLE = EnumSet.of(OrganizationKind.ENTERPRISE_UNION,
            OrganizationKind.JOINT_UNION, OrganizationKind.INDUSTRY_FEDERATION, OrganizationKind.REGIONAL_UNION,
            OrganizationKind.PLATFORM_UNION);

    /** Starts founding a union of a foundable kind, in the shape the tree will accept, under {@code parent}. */
    static Founding start(String id, Organization parent, String name, OrganizationKind kind,
            String divisionCode, Set<String> workerTypes, Set<String> platforms, List<String> companyIds,
            String by, Instant at) {
        if (!FOUNDABLE.contains(kind)) {
            throw rule("founding-kind", "kind", "A founding creates a grassroots union or an industry federation: "
                    + FOUNDABLE + ".");
        }
        Organization.checkShape(kind, divisionCode, platforms, parent);
        String parentId = parent.id();
        String orgPath = parent.path();
        Founding founding = new Founding();
        founding.id = id;
        founding.parentId = parentId;
        founding.orgPath = orgPath;
        founding.name = name;
        founding.kind = kind;
        founding.divisionCode = divisionCode;
        founding.workerTypes = workerTypes == null ? Set.of() : Set.copyOf(workerTypes);
        founding.platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        founding.companyIds = companyIds == null ? List.of() : List.copyOf(companyIds);
        founding.steps = new ArrayList<>();
        founding.status = Status.IN_PROGRESS;
        founding.startedAt = at;
        founding.startedBy = by;
        founding.registerEvent(new FoundingStarted(id, name, kind.name(), parentId, orgPath + id + "/", divisionCode,
                founding.workerTypes.stream().sorted().toList(), at));
        return founding;
    }

    /** The step that must be recorded next, or null when all are done. */
    FoundingStep nextStep() {
        int done = steps().size();
        return done < FoundingStep.values().length ? FoundingStep.values()[done] : null;
    }

    LocalDate lastStepDate() {
        return steps().isEmpty() ? null : steps().getLast().date();
    }

    /**
     * Records the next step: steps go in their fixed order, a step's date is not in the future ({@code today},
     * Beijing time) and not before the previous step's; nothing more once completed. The approval is not a step
     * the founders record: the union above gives it ({@link #approve}). The last step completes the founding.
     */
    void record(FoundingStep step, LocalDate date, LocalDate today, String actor, String note, Instant at) {
        if (step == FoundingStep.UNION_APPROVAL) {
            throw rule("founding-approval", "step", "The union one level up approves the founding "
                    + "(POST /api/organizations/foundings/{id}/approval), after the election.");
        }
        add(step, date, today, actor, note, at);
        if (step.isLast()) {
            status = Status.COMPLETED;
            completedAt = at;
        }
    }

    /**
     * The union one level up approves the founding after the founding meeting's election: from this day the union
     * exists and counts as founded. Only as the next step (after {@code VOTE_COUNT}), with the same date rules.
     */
    void approve(LocalDate date, LocalDate today, String actor, String note, Instant at) {
        add(FoundingStep.UNION_APPROVAL, date, today, actor, note, at);
        status = Status.APPROVED;
        approvedOn = date;
        approvedBy = actor;
    }

    /** The union the approval brought into being (it carries this founding's id). */
    void founded(String organizationId) {
        if (status == Status.IN_PROGRESS) {
            throw new ConflictException("A union exists only once the union one level up approved its founding.")
                    .with("rule", "founding-not-approved");
        }
        this.organizationId = organizationId;
    }

    private void add(FoundingStep step, LocalDate date, LocalDate today, String actor, String note, Instant at) {
        if (status == Status.COMPLETED) {
            throw new ConflictException("This founding is complete.").with("rule", "founding-completed");
        }
        FoundingStep expected = nextStep();
        if (step != expected) {
            throw rule("founding-step-order", "step", "The steps are done in order; the next one is "
                    + expected + " (" + expected.label() + "), not " + step + ".");
        }
        LocalDate previous = lastStepDate();
        if (date.isAfter(today) || (previous != null && date.isBefore(previous))) {
            throw rule("founding-step-date", "date",
                    "A step's date is not in the future and not before the previous step's date.");
        }
        steps.add(new StepRecord(step, step.label(), date, actor, note, at));
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    String id() { return id; }
    String parentId() { return parentId; }
    String orgPath() { return orgPath; }
    String name() { return name; }
    OrganizationKind kind() { return kind; }
    String divisionCode() { return divisionCode; }
    Set<String> workerTypes() { return workerTypes == null ? Set.of() : workerTypes; }
    Set<String> platforms() { return platforms == null ? Set.of() : platforms; }
    List<String> companyIds() { return companyIds == null ? List.of() : companyIds; }
    List<StepRecord> steps() { return steps == null ? List.of() : steps; }
    Status status() { return status; }
    String organizationId() { return organizationId; }
    Instant startedAt() { return startedAt; }
    String startedBy() { return startedBy; }
    LocalDate approvedOn() { return approvedOn; }
    String approvedBy() { return approvedBy; }
    Instant completedAt() { return completedAt; }
}

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
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;

/**
 * A union being founded under a parent organisation, step by step in the fixed order of {@link FoundingStep}.
 * Its scope is the parent's path; on completion the union gets the founding's id.
 */
@CompoundIndex(name = "startedAt", def = "{'startedAt': 1, '_id': 1}")
@Document(Founding.COLLECTION)
class Founding {

    static final String COLLECTION = "foundings";

    enum Status { IN_PROGRESS, COMPLETED }

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
     * Beijing time) and not before the previous step's; nothing more once the union is established.
     *
     * @return whether this was the last step (the union is to be founded now)
     */
    boolean record(FoundingStep step, LocalDate date, LocalDate today, String actor, String note, Instant at) {
        if (status == Status.COMPLETED) {
            throw new ConflictException("The union of this founding is already established.")
                    .with("rule", "founding-completed");
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
        return step.isLast();
    }

    /** The union is established (with this founding's id): only once every step is recorded. */
    void completed(String organizationId, Instant at) {
        if (nextStep() != null || status == Status.COMPLETED) {
            throw new ConflictException("A founding completes once, after its last step.")
                    .with("rule", "founding-not-complete");
        }
        this.organizationId = organizationId;
        this.status = Status.COMPLETED;
        this.completedAt = at;
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
    Instant completedAt() { return completedAt; }
}

package org.unionplatform.organization.founding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.organization.tree.OrganizationKind;

/**
 * A union being founded under a parent organisation, step by step in the fixed order of {@link FoundingStep}.
 * Its scope is the parent's path; on completion the union gets the founding's id.
 */
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

    static Founding start(String id, String parentId, String orgPath, String name, OrganizationKind kind,
            String divisionCode, Set<String> workerTypes, Set<String> platforms, List<String> companyIds,
            String by, Instant at) {
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

    void record(FoundingStep step, LocalDate date, String actor, String note, Instant at) {
        steps.add(new StepRecord(step, step.label(), date, actor, note, at));
    }

    void completed(String organizationId, Instant at) {
        this.organizationId = organizationId;
        this.status = Status.COMPLETED;
        this.completedAt = at;
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

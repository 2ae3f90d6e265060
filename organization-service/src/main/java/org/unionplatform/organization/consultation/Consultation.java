package org.unionplatform.organization.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * A round of collective consultation (集体协商) that a union leads with a platform or company on named topics. It
 * gathers workers' opinions until {@code opinionsUntil} (the opinions are their own documents), then is HELD once
 * its outcome is recorded: an agreement or none, and the follow-up items of what was agreed, each marked done once.
 * Its scope is the leading union's path.
 */
@Document(Consultation.COLLECTION)
// The console's list: newest meeting first within a subtree, optionally by status.
@CompoundIndex(name = "plannedOn", def = "{'plannedOn': -1, '_id': 1, 'orgPath': 1}")
@CompoundIndex(name = "status_plannedOn", def = "{'status': 1, 'plannedOn': -1, '_id': 1, 'orgPath': 1}")
// The phone page's list of rounds still taking opinions.
// A tree move rewrites the paths under the old one.
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@CompoundIndex(name = "open_for_opinions", def = "{'status': 1, 'opinionsUntil': 1, '_id': 1}")
class Consultation {

    static final String COLLECTION = "consultations";

    /** Gathering opinions until the round is held; HELD once its outcome is recorded. */
    enum Status { GATHERING, HELD }

    /** Who sits at the table: the union, the platform or company, worker representatives, others (e.g. 人社局). */
    enum Side { UNION, COMPANY, WORKER_REPRESENTATIVE, OTHER }

    record Participant(String name, Side side, String role) {
    }

    /** AGREEMENT: an agreement was signed; NO_AGREEMENT: the round ended without one (the summary says what then). */
    enum OutcomeKind { AGREEMENT, NO_AGREEMENT }

    record Outcome(LocalDate heldOn, OutcomeKind kind, String summary, String recordedBy, Instant recordedAt) {
    }

    /** Something agreed, to be done by {@code dueOn}; marked done once, with who and when. */
    record FollowUp(String id, String what, LocalDate dueOn, boolean done, LocalDate doneOn, String doneBy,
            String note) {
    }

    @Id
    private final String id;
    private final String title;
    private final String organizationId;
    private final String organizationName;
    private String orgPath;
    private final String companyId;
    private final String companyName;
    private final String platform;
    private final Set<Topic> topics;
    private final List<Participant> participants;
    private final LocalDate plannedOn;
    private final LocalDate opinionsUntil;
    private Status status;
    private Outcome outcome;
    private final List<FollowUp> followUps;
    private final String createdBy;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Consultation(String id, String title, String organizationId, String organizationName, String orgPath,
            String companyId, String companyName, String platform, Set<Topic> topics, List<Participant> participants,
            LocalDate plannedOn, LocalDate opinionsUntil, Status status, Outcome outcome, List<FollowUp> followUps,
            String createdBy, Instant createdAt, Long version) {
        this.id = id;
        this.title = title;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.companyId = companyId;
        this.companyName = companyName;
        this.platform = platform;
        this.topics = Set.copyOf(topics);
        this.participants = participants == null ? List.of() : List.copyOf(participants);
        this.plannedOn = plannedOn;
        this.opinionsUntil = opinionsUntil;
        this.status = status;
        this.outcome = outcome;
        this.followUps = followUps == null ? new ArrayList<>() : new ArrayList<>(followUps);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** Plans a round; opinions are taken through {@code opinionsUntil}, which is today or later and not after the meeting. */
    static Consultation plan(String id, String title, Leading union, Counterpart company, Set<Topic> topics,
            List<Participant> participants, LocalDate plannedOn, LocalDate opinionsUntil, LocalDate today, String by,
            Instant now) {
        if (topics == null || topics.isEmpty()) {
            throw new BusinessRuleViolationException("topics", "A round needs at least one topic.");
        }
        if (opinionsUntil.isBefore(today) || opinionsUntil.isAfter(plannedOn)) {
            throw new BusinessRuleViolationException("opinions-until",
                    "Opinions are taken from today until the meeting day at the latest.");
        }
        return new Consultation(id, title, union.id(), union.name(), union.orgPath(), company.id(), company.name(),
                company.platform(), topics, participants, plannedOn, opinionsUntil, Status.GATHERING, null,
                List.of(), by, now, null);
    }

    /** The union that leads the round. */
    record Leading(String id, String name, String orgPath) {
    }

    /** The platform or company across the table. */
    record Counterpart(String id, String name, String platform) {
    }

    /** Whether a worker may still give an opinion on {@code today} (Asia/Shanghai). */
    boolean takesOpinionsOn(LocalDate today) {
        return status == Status.GATHERING && !today.isAfter(opinionsUntil);
    }

    /** 409 unless the round still takes opinions; 422 for a topic the round is not about. */
    void requireOpinionOn(Topic topic, LocalDate today) {
        if (!takesOpinionsOn(today)) {
            throw new ConflictException("The round " + id + " no longer takes opinions.").with("rule", "opinions-closed");
        }
        if (!topics.contains(topic)) {
            throw new BusinessRuleViolationException("topic", "The round is about " + topics + ".");
        }
    }

    /** Records the outcome once (409 after); the meeting day is not in the future (422). */
    void recordOutcome(LocalDate heldOn, OutcomeKind kind, String summary, List<FollowUp> agreed, LocalDate today,
            String by, Instant now) {
        if (status == Status.HELD) {
            throw new ConflictException("The outcome of round " + id + " is already recorded.");
        }
        if (heldOn.isAfter(today)) {
            throw new BusinessRuleViolationException("held-on", "The meeting day cannot be in the future.");
        }
        status = Status.HELD;
        outcome = new Outcome(heldOn, kind, summary, by, now);
        followUps.addAll(agreed);
    }

    /** Marks a follow-up item done, once (409 again); 404 for an item the round does not have. */
    void markDone(String followUpId, String note, LocalDate today, String by) {
        for (int i = 0; i < followUps.size(); i++) {
            FollowUp item = followUps.get(i);
            if (item.id().equals(followUpId)) {
                if (item.done()) {
                    throw new ConflictException("The follow-up item " + followUpId + " is already done.");
                }
                followUps.set(i, new FollowUp(item.id(), item.what(), item.dueOn(), true, today, by, note));
                return;
            }
        }
        throw new ResourceNotFoundException("Follow-up item", followUpId);
    }

    String id() { return id; }
    String title() { return title; }
    String organizationId() { return organizationId; }
    String organizationName() { return organizationName; }
    String orgPath() { return orgPath; }
    String companyId() { return companyId; }
    String companyName() { return companyName; }
    String platform() { return platform; }
    Set<Topic> topics() { return topics; }
    List<Participant> participants() { return participants; }
    LocalDate plannedOn() { return plannedOn; }
    LocalDate opinionsUntil() { return opinionsUntil; }
    Status status() { return status; }
    Outcome outcome() { return outcome; }
    List<FollowUp> followUps() { return List.copyOf(followUps); }
    Instant createdAt() { return createdAt; }
}

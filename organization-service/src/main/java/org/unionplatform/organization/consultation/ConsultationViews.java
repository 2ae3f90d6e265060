package org.unionplatform.organization.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the consultation endpoints answer. */
final class ConsultationViews {

    private ConsultationViews() {
    }

    /** A round as the organizers of its subtree read it; {@code opinionsByTopic} counts the opinions gathered. */
    record RoundView(String id, String title, String organizationId, String organizationName, String companyId,
            String companyName, String platform, Set<Topic> topics, List<Consultation.Participant> participants,
            LocalDate plannedOn, LocalDate opinionsUntil, boolean takingOpinions, String status,
            Consultation.Outcome outcome, List<Consultation.FollowUp> followUps, Map<Topic, Long> opinionsByTopic,
            long opinions, Instant createdAt) {

        static RoundView of(Consultation round, LocalDate today, Map<Topic, Long> opinionsByTopic) {
            return new RoundView(round.id(), round.title(), round.organizationId(), round.organizationName(),
                    round.companyId(), round.companyName(), round.platform(), round.topics(), round.participants(),
                    round.plannedOn(), round.opinionsUntil(), round.takesOpinionsOn(today), round.status().name(),
                    round.outcome(), round.followUps(), opinionsByTopic,
                    opinionsByTopic.values().stream().mapToLong(Long::longValue).sum(), round.createdAt());
        }
    }

    /** A round still taking opinions, as the phone page shows it to any worker: no participants, no counts. */
    record OpenRound(String id, String title, String organizationName, String companyName, String platform,
            Set<Topic> topics, LocalDate plannedOn, LocalDate opinionsUntil) {

        static OpenRound of(Consultation round) {
            return new OpenRound(round.id(), round.title(), round.organizationName(), round.companyName(),
                    round.platform(), round.topics(), round.plannedOn(), round.opinionsUntil());
        }
    }

    /** An opinion as organizers read it: an anonymous one has no name. */
    record OpinionView(String id, Topic topic, String text, String workerType, boolean anonymous, String name,
            boolean member, Instant submittedAt) {

        static OpinionView of(Opinion opinion) {
            return new OpinionView(opinion.id(), opinion.topic(), opinion.text(), opinion.workerType(),
                    opinion.anonymous(), opinion.name(), opinion.memberId() != null, opinion.submittedAt());
        }
    }

    /** What the worker gets back: a receipt, nothing of other workers. */
    record OpinionReceipt(String id, String consultationId, Topic topic, boolean anonymous, Instant submittedAt) {
    }
}

package org.unionplatform.membership.bulk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.membership.bulk.BulkReportChunk.Kind;
import org.unionplatform.membership.bulk.BulkReportChunk.Line;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.Channel;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.Worker;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Makes a batch's new people members: look them up by their ID hash in one query, insert the new ones in one bulk
 * write, and write their {@code membership.approved} events in one outbox document ({@link BulkEnrolmentEvents}).
 * Into a union being founded it holds them instead, until the union one level up approves the founding.
 */
@Component
class BulkMembers {

    private static final String PERSON_KEY = "worker.residentId.lookupHash";

    /** A valid row: its line and the protected worker record. */
    record Candidate(long line, Worker worker) {
    }

    /**
     * The members this batch made (or made in an earlier attempt), how many people already were members, and how
     * many are held for a union being founded.
     */
    record Admission(List<Member> admitted, long alreadyMembers, long held) {
    }

    private final MongoOperations mongo;
    private final CardNumbers cardNumbers;
    private final KnownOrganizations organizations;
    private final Clock clock;

    BulkMembers(MongoOperations mongo, CardNumbers cardNumbers, KnownOrganizations organizations, Clock clock) {
        this.mongo = mongo;
        this.cardNumbers = cardNumbers;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Enrols the candidates who are not members yet; the others get a report line under {@code column}. Into a
     * union being founded, the candidates are held instead ({@link HeldMembers}) until its approval; if the approval
     * came while they were being held, they are admitted now.
     */
    Admission admit(BulkEnrolment enrolment, Collection<Candidate> candidates, String column, List<Line> report) {
        if (candidates.isEmpty() || !beingFounded(enrolment)) {
            return admitNow(enrolment, candidates, column, report);
        }
        long firstLine = candidates.stream().mapToLong(Candidate::line).min().orElseThrow();
        var held = new HeldMembers(enrolment.id() + ":held:" + firstLine, enrolment.organizationId(), enrolment.id(),
                firstLine, column, List.copyOf(candidates), clock.instant(), null);
        mongo.save(held);
        if (beingFounded(enrolment)) {
            return new Admission(List.of(), 0, candidates.size());
        }
        mongo.remove(held);
        return admitNow(enrolment, candidates, column, report);
    }

    private boolean beingFounded(BulkEnrolment enrolment) {
        return organizations.find(enrolment.organizationId()).map(KnownOrganization::beingFounded).orElse(false);
    }

    /** Enrols the candidates who are not members yet, whatever the union (held members on its approval). */
    Admission admitNow(BulkEnrolment enrolment, Collection<Candidate> candidates, String column, List<Line> report) {
        Map<String, String> sourceByPerson = existingMembers(
                candidates.stream().map(c -> c.worker().residentIdHash()).collect(Collectors.toSet()));
        long already = 0;
        List<String> enrolledBefore = new ArrayList<>();
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String source = sourceByPerson.get(candidate.worker().residentIdHash());
            if (source == null) {
                fresh.add(candidate);
            } else if (source.equals(enrolment.id())) {
                enrolledBefore.add(candidate.worker().residentIdHash()); // inserted by an earlier attempt
            } else {
                already++;
                report.add(Line.of(candidate.line(), column, Kind.ALREADY_MEMBER, RowReasons.ALREADY_MEMBER));
            }
        }
        var inserted = insert(enrolment, fresh, column, report);
        List<Member> admitted = new ArrayList<>(inserted.admitted());
        if (!enrolledBefore.isEmpty()) {
            admitted.addAll(mongo.find(Query.query(where(PERSON_KEY).in(enrolledBefore)), Member.class));
        }
        return new Admission(admitted, already + inserted.alreadyMembers(), 0);
    }

    /** The lines of the candidates who already are members (a dry run: nothing is written). */
    Set<Long> alreadyMembers(Collection<Candidate> candidates) {
        Map<String, String> sourceByPerson = existingMembers(
                candidates.stream().map(c -> c.worker().residentIdHash()).collect(Collectors.toSet()));
        return candidates.stream().filter(c -> sourceByPerson.containsKey(c.worker().residentIdHash()))
                .map(Candidate::line).collect(Collectors.toSet());
    }

    /** Writes the events of a batch's members under the batch's key (a repeated batch rewrites the same). */
    void announce(String enrolmentId, long firstLine, List<Member> admitted) {
        mongo.save(BulkEnrolmentEvents.of(enrolmentId, firstLine, admitted, clock.instant()));
    }

    /** Writes the events of every member this enrolment made again, {@code perDocument} to a document. */
    void announceAgain(String enrolmentId, int perDocument) {
        List<Member> chunk = new ArrayList<>();
        long part = 0;
        try (var enrolled = mongo.stream(Query.query(where("source").is(enrolmentId)), Member.class)) {
            for (Member member : (Iterable<Member>) enrolled::iterator) {
                chunk.add(member);
                if (chunk.size() == perDocument) {
                    announce(enrolmentId, -(++part), chunk);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            announce(enrolmentId, -(++part), chunk);
        }
    }

    /** The members among these people: ID hash -> the member's source (the enrolment that made them). */
    private Map<String, String> existingMembers(Set<String> residentIdHashes) {
        Map<String, String> sourceByPerson = new HashMap<>();
        if (residentIdHashes.isEmpty()) {
            return sourceByPerson;
        }
        // Two fields, not whole members: a re-upload looks up every row of the file.
        for (org.bson.Document found : mongo.getCollection(mongo.getCollectionName(Member.class))
                .find(Filters.in(PERSON_KEY, residentIdHashes))
                .projection(Projections.include(PERSON_KEY, "source"))) {
            String hash = found.getEmbedded(List.of(PERSON_KEY.split("\\.")), String.class);
            sourceByPerson.put(hash, Objects.requireNonNullElse(found.getString("source"), ""));
        }
        return sourceByPerson;
    }

    private Admission insert(BulkEnrolment enrolment, List<Candidate> fresh, String column, List<Line> report) {
        if (fresh.isEmpty()) {
            return new Admission(List.of(), 0, 0);
        }
        var now = clock.instant();
        Map<String, CardNumbers.Block> blocks = new HashMap<>();
        Map<String, Integer> perDivision = new HashMap<>();
        fresh.forEach(c -> perDivision.merge(c.worker().divisionCode(), 1, Integer::sum));
        perDivision.forEach((division, count) -> blocks.put(division, cardNumbers.reserve(division, now, count)));
        List<Member> admitted = new ArrayList<>(fresh.size());
        for (Candidate candidate : fresh) {
            admitted.add(Member.admitInBulk(UUID.randomUUID().toString(), candidate.worker(), enrolment.union(),
                    blocks.get(candidate.worker().divisionCode()).next(), null, Channel.BULK, enrolment.id(),
                    enrolment.createdBy(), now));
        }
        try {
            mongo.insert(admitted, Member.class);
            return new Admission(admitted, 0, 0);
        } catch (DuplicateKeyException someJoinedMeanwhile) {
            // Someone in this batch became a member while we worked (an approval, a parallel upload):
            // insert one by one; those already present are members, not errors.
            return insertOneByOne(admitted, fresh, column, report);
        }
    }

    private Admission insertOneByOne(List<Member> admitted, List<Candidate> fresh, String column, List<Line> report) {
        List<Member> inserted = new ArrayList<>();
        long already = 0;
        for (int i = 0; i < admitted.size(); i++) {
            Member member = admitted.get(i);
            if (mongo.exists(Query.query(where("_id").is(member.id())), Member.class)) {
                inserted.add(member); // the bulk insert wrote it before it stopped
                continue;
            }
            try {
                mongo.insert(member);
                inserted.add(member);
            } catch (DuplicateKeyException alreadyMember) {
                already++;
                report.add(Line.of(fresh.get(i).line(), column, Kind.ALREADY_MEMBER, RowReasons.ALREADY_MEMBER));
            }
        }
        return new Admission(inserted, already, 0);
    }
}

package org.unionplatform.benefits.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.grant.GrantStatus;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramResponse;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;

/**
 * Figures for officers: per program its money and items and the people served (by worker type, by organisation),
 * and per organisation the totals over all programs. Only grants in the caller's subtree are read (the scope is in
 * the query); revoked grants do not count.
 */
@Service
class Reports {

    /** Upper bound of programs in one report or export: a report never loads a whole collection. */
    static final int MAX_PROGRAMS = 1000;

    private final MongoOperations mongo;

    Reports(MongoOperations mongo) {
        this.mongo = mongo;
    }

    ProgramReport program(Program program, Caller caller) {
        List<Grant> grants = grants(caller, where("programId").is(program.id()));
        return new ProgramReport(ProgramResponse.of(program), program.availableFen(), totals(grants, Grant::workerType),
                totals(grants, Grant::organizationId));
    }

    List<Line> organizations(Caller caller) {
        return totals(grants(caller, new Criteria()), Grant::organizationId);
    }

    List<Program> programs(Caller caller) {
        Query query = Query.query(AccessScope.of(caller).subtree("orgPath")).limit(MAX_PROGRAMS);
        query.with(org.springframework.data.domain.Sort.by("createdAt", "_id"));
        return mongo.find(query, Program.class);
    }

    private List<Grant> grants(Caller caller, Criteria condition) {
        Query query = Query.query(new Criteria().andOperator(AccessScope.of(caller).subtree("orgPath"),
                where("status").is(GrantStatus.GRANTED), condition));
        query.fields().include("memberId", "workerPhone", "workerType", "organizationId", "amountFen", "items",
                "programId");
        return mongo.find(query, Grant.class);
    }

    private static List<Line> totals(List<Grant> grants, Function<Grant, String> key) {
        Map<String, Accumulator> byKey = new TreeMap<>();
        for (Grant grant : grants) {
            String k = key.apply(grant) == null ? "" : key.apply(grant);
            byKey.computeIfAbsent(k, x -> new Accumulator()).add(grant);
        }
        return byKey.entrySet().stream().map(e -> e.getValue().line(e.getKey()))
                .sorted(Comparator.comparing(Line::key)).toList();
    }

    /** One row: people served (distinct members), grants, money and items given. */
    record Line(String key, long members, long grants, long amountFen, long items, long programs) {
    }

    record ProgramReport(ProgramResponse program, Long remainingFen, List<Line> byWorkerType,
            List<Line> byOrganization) {
    }

    private static final class Accumulator {
        private final Set<String> members = new HashSet<>();
        private final Set<String> programs = new HashSet<>();
        private long grants;
        private long amountFen;
        private long items;

        void add(Grant grant) {
            // A worker who is not a member counts once, by the phone's keyed hash.
            members.add(grant.memberId() != null ? grant.memberId() : "worker:" + grant.workerPhone().lookupHash());
            programs.add(grant.programId());
            grants++;
            amountFen += grant.amountFen();
            items += grant.items();
        }

        Line line(String key) {
            return new Line(key, members.size(), grants, amountFen, items, programs.size());
        }
    }
}

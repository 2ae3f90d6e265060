package org.unionplatform.organization.founding;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Read-side views of foundings: how far those not yet complete have come, for the companies they include. */
@Component
public class FoundingViews {

    public record Progress(String foundingId, int stepsDone, int steps, String nextStep) {
    }

    private final MongoTemplate mongo;

    FoundingViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Map<String, Progress> inProgressFor(Collection<String> companyIds) {
        Map<String, Progress> progress = new HashMap<>();
        if (companyIds.isEmpty()) {
            return progress;
        }
        Query query = Query.query(where("companyIds").in(companyIds).and("status")
                .in(Founding.Status.IN_PROGRESS, Founding.Status.APPROVED));
        for (Founding founding : mongo.find(query, Founding.class)) {
            FoundingStep next = founding.nextStep();
            Progress p = new Progress(founding.id(), founding.steps().size(), FoundingStep.values().length,
                    next == null ? null : next.name());
            founding.companyIds().stream().filter(companyIds::contains).forEach(id -> progress.put(id, p));
        }
        return progress;
    }
}

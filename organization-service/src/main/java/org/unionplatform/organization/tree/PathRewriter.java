package org.unionplatform.organization.tree;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rewrites stored materialized paths after a move: every document of a collection whose path field starts
 * with the old prefix gets the new prefix, in one bulk write per collection. Version fields are incremented
 * so a copy read before the move cannot be saved back over it.
 */
@Component
class PathRewriter {

    /** This service's collections that store an organisation path, and the field holding it. */
    static final List<String[]> SCOPED_COLLECTIONS = List.of(
            new String[] {Organization.COLLECTION, "path"},
            new String[] {"companies", "orgPath"},
            new String[] {"foundings", "orgPath"},
            new String[] {"consultations", "orgPath"},
            new String[] {"consultation_opinions", "orgPath"},
            // Staff accounts' scopes follow their organisation (tokens issued before carry the old path
            // until they expire).
            new String[] {"staff_accounts", "orgPath"},
            // Who runs each station (station.KnownStations): attendants' accounts are managed in that subtree.
            new String[] {"known_stations", "orgPath"});

    private final MongoTemplate mongo;

    PathRewriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void rewrite(String oldPrefix, String newPrefix) {
        for (String[] target : SCOPED_COLLECTIONS) {
            rewrite(target[0], target[1], oldPrefix, newPrefix);
        }
    }

    private void rewrite(String collection, String field, String oldPrefix, String newPrefix) {
        Query query = Query.query(OrganizationRepository.subtreeOf(field, oldPrefix));
        query.fields().include(field);
        List<Document> found = mongo.find(query, Document.class, collection);
        if (found.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int depthShift = depth(newPrefix) - depth(oldPrefix);
        for (Document document : found) {
            String path = document.getString(field);
            Update update = new Update().set(field, newPrefix + path.substring(oldPrefix.length()));
            if (collection.equals(Organization.COLLECTION)) {
                update.inc("depth", depthShift).inc("version", 1);
            }
            bulk.updateOne(Query.query(where("_id").is(document.get("_id"))), update);
        }
        bulk.execute();
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}

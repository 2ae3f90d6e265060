package org.unionplatform.common.orgpath;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps this service's copies of organisation scope paths right when organization-service moves a subtree
 * ({@code organization.moved}): in each collection the service names, every stored {@code orgPath} that starts
 * with the old path gets the new prefix. A service opts in per collection, in its {@code Subscriptions} class:
 * <pre>{@code
 * var rewriter = new OrgPathRewriter(mongo, List.of("members", "applications"));
 * EventSubscription.forPurpose("organization-moves")
 *         .on(OrganizationMoved.class, (moved, event) -> rewriter.rewrite(moved.oldPath(), moved.newPath()))
 *         .build();
 * }</pre>
 * Each document is updated on the condition that it still holds the old path, so a redelivered event changes
 * nothing the second time and a document written meanwhile with the new path is left alone.
 */
public class OrgPathRewriter {

    static final String FIELD = "orgPath";
    private static final Logger log = LoggerFactory.getLogger(OrgPathRewriter.class);

    private final MongoOperations mongo;
    private final List<String> collections;

    public OrgPathRewriter(MongoOperations mongo, List<String> collections) {
        if (collections == null || collections.isEmpty()) {
            throw new IllegalArgumentException("Name the collections whose orgPath follows moves");
        }
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
    }

    /** Moves every stored path under {@code oldPath} to {@code newPath}; returns how many documents changed. */
    public long rewrite(String oldPath, String newPath) {
        requirePath(oldPath);
        requirePath(newPath);
        if (oldPath.equals(newPath)) {
            return 0;
        }
        long changed = 0;
        Pattern underOldPath = Pattern.compile("^" + Pattern.quote(oldPath));
        for (String collection : collections) {
            Query query = Query.query(Criteria.where(FIELD).regex(underOldPath));
            query.fields().include("_id").include(FIELD);
            for (Document document : mongo.find(query, Document.class, collection)) {
                String current = document.getString(FIELD);
                String moved = newPath + current.substring(oldPath.length());
                changed += mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(document.get("_id")).and(FIELD).is(current)),
                        Update.update(FIELD, moved), collection).getModifiedCount();
            }
        }
        log.info("Organisation subtree moved from {} to {}: {} stored scope paths updated", oldPath, newPath, changed);
        return changed;
    }

    private static void requirePath(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.length() < 3) {
            throw new IllegalArgumentException("An organisation path looks like /a/b/, not " + path);
        }
    }

}

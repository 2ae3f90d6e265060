package org.unionplatform.organization.tree;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;

/** The organisation tree in MongoDB, for this package and the other features of the service. */
@Component
public class OrganizationRepository {

    static final Sort STABLE = Sort.by("path");

    private final MongoTemplate mongo;

    OrganizationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Organization> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, Organization.class));
    }

    /** The organisation if it is in the caller's subtree; 404 otherwise (existence does not leak). */
    public Organization requireVisible(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(byId(id), Organization::path, "Organization", id);
    }

    /** The organisation with this path and everything below it. */
    public List<Organization> subtree(String path) {
        return matching(subtreeOf("path", path));
    }

    public List<Organization> children(String id) {
        return matching(where("parentId").is(id));
    }

    public List<Organization> matching(Criteria criteria) {
        return mongo.find(Query.query(criteria), Organization.class);
    }

    /** Every organisation, streamed (closing a month snapshots each one); close the stream. */
    public Stream<Organization> streamAll() {
        return mongo.stream(new Query(), Organization.class);
    }

    boolean hasChildren(String id) {
        return mongo.exists(Query.query(where("parentId").is(id)), Organization.class);
    }

    /** Whether documents of another feature's collection still point at the organisation (by id fields). */
    boolean isReferenced(String collection, Criteria criteria) {
        return mongo.exists(Query.query(criteria), collection);
    }

    Page<Organization> page(Criteria criteria, Pageable pageable) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, Organization.class);
        List<Organization> items = mongo.find(Query.of(query).with(pageable), Organization.class);
        return new PageImpl<>(items, pageable, total);
    }

    /**
     * Strict descendants of the organisation with this path: an anchored prefix (index-friendly on real
     * MongoDB) followed by at least one more character, so the organisation itself is not included.
     */
    static Criteria descendantsOf(String path) {
        return where("path").regex("^" + escape(path) + ".");
    }

    /** Everything in the subtree of this path, the organisation itself included. */
    public static Criteria subtreeOf(String field, String path) {
        return where(field).regex("^" + escape(path));
    }

    private static String escape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    public Organization save(Organization organization) {
        return mongo.save(organization);
    }

    Organization insert(Organization organization) {
        return mongo.insert(organization);
    }

    void delete(Organization organization) {
        mongo.remove(Query.query(where("_id").is(organization.id())), Organization.class);
    }
}

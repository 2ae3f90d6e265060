package org.unionplatform.membership.organization;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.events.FoundingStarted;
import org.unionplatform.membership.events.OrganizationEstablished;
import org.unionplatform.membership.events.OrganizationMoved;
import org.unionplatform.membership.member.Union;

/**
 * The organisations this service may file members under (bulk enrolment, organizer enrolment, transfers),
 * kept from {@code founding.started}, {@code organization.established} and {@code organization.moved}: services never read
 * organization-service's database, and a member's union must be a real one. The events are bound in
 * {@code Subscriptions} (purpose {@code organization-directory}); both changes are idempotent sets, so a redelivered
 * event changes nothing.
 */
@Service
public class KnownOrganizations {

    private final MongoOperations mongo;

    KnownOrganizations(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void onEstablished(OrganizationEstablished established) {
        remember(new KnownOrganization(established.organizationId(), established.name(), established.orgPath(),
                established.divisionCode(), established.kind()));
    }

    /**
     * A union being founded: known from now on, marked as such; never over what {@code organization.established}
     * already told (the two events may arrive in either order).
     */
    public void onFoundingStarted(FoundingStarted started) {
        mongo.upsert(Query.query(where("_id").is(started.foundingId())), new Update()
                .setOnInsert("name", started.name()).setOnInsert("orgPath", started.orgPath())
                .setOnInsert("divisionCode", started.divisionCode()).setOnInsert("kind", started.kind())
                .setOnInsert("beingFounded", true), KnownOrganization.class);
    }

    public void onMoved(OrganizationMoved moved) {
        mongo.updateFirst(Query.query(where("_id").is(moved.organizationId())),
                Update.update("orgPath", moved.newPath()), KnownOrganization.class);
    }

    public void remember(KnownOrganization organization) {
        mongo.save(organization);
    }

    /** Records what a dispatch answer told us, keeping what events said about kind and division. */
    public void remember(Union union) {
        mongo.upsert(Query.query(where("_id").is(union.organizationId())),
                new Update().set("name", union.name()).set("orgPath", union.orgPath()), KnownOrganization.class);
    }

    public Optional<KnownOrganization> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, KnownOrganization.class));
    }

    /** The organisation if it lies in the caller's subtree; 404 otherwise (existence does not leak). */
    public KnownOrganization requireInScope(Caller caller, String organizationId) {
        return AccessScope.of(caller).requireInSubtree(find(organizationId), KnownOrganization::orgPath,
                "Organization", organizationId);
    }

    public KnownOrganization require(String organizationId) {
        return find(organizationId).orElseThrow(() -> new ResourceNotFoundException("Organization", organizationId));
    }
}

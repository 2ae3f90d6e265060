package org.unionplatform.membership.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.membership.member.Union;

/**
 * This service's copy of an organisation's name and path, learnt from organization-service's events.
 * {@code beingFounded}: a union whose founding has started and is not yet approved by the union above; members
 * enrolled into it in bulk are held until it is.
 */
@Document("known_organizations")
public record KnownOrganization(@Id String id, String name, String orgPath, String divisionCode, String kind,
        boolean beingFounded) {

    @PersistenceCreator
    public KnownOrganization {
    }

    /** An organisation that exists. */
    public KnownOrganization(String id, String name, String orgPath, String divisionCode, String kind) {
        this(id, name, orgPath, divisionCode, kind, false);
    }

    public Union asUnion() {
        return new Union(id, name, orgPath);
    }
}

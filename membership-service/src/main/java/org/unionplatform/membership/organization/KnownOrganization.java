package org.unionplatform.membership.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.membership.member.Union;

/** This service's copy of an organisation's name and path, learnt from organization-service's events. */
@Document("known_organizations")
public record KnownOrganization(@Id String id, String name, String orgPath, String divisionCode, String kind) {

    public Union asUnion() {
        return new Union(id, name, orgPath);
    }
}

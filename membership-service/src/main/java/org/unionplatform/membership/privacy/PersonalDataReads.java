package org.unionplatform.membership.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Who read a member's personal data and when, from the audit log: staff reads of the full resident ID and phone,
 * and the member's own downloads. The reader is shown by role and organisation only: their account name may be a
 * person's name, which is not the member's to see.
 */
@Component
class PersonalDataReads {

    /** Both spellings of the staff read (the dotted one of older entries and UPPER_SNAKE_CASE). */
    private static final Pattern STAFF_READ = Pattern.compile("personal.data.read", Pattern.CASE_INSENSITIVE);
    static final String EXPORTED = "MEMBER_DATA_EXPORTED";

    private final MongoOperations mongo;
    private final KnownOrganizations organizations;

    PersonalDataReads(MongoOperations mongo, KnownOrganizations organizations) {
        this.mongo = mongo;
        this.organizations = organizations;
    }

    /**
     * @param kind             STAFF_READ (staff saw the full resident ID and phone) or SELF_EXPORT (the member's
     *                         own download)
     * @param readerRoles      the reader's roles (empty for entries written before roles were recorded)
     * @param organizationName the reader's organisation, when their account is scoped to one
     */
    record PersonalDataRead(Instant at, String kind, List<String> readerRoles, String organizationId,
            String organizationName) {
    }

    PageResponse<PersonalDataRead> of(String memberId, Pageable page) {
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where("target").in(memberId, "member:" + memberId),
                new Criteria().orOperator(Criteria.where("action").regex(STAFF_READ),
                        Criteria.where("action").is(EXPORTED))));
        long total = mongo.count(query, AuditRecord.class);
        List<AuditRecord> entries = mongo.find(Query.of(query).with(page)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))), AuditRecord.class);
        List<PersonalDataRead> reads = new ArrayList<>();
        for (AuditRecord entry : entries) {
            reads.add(view(entry));
        }
        return PageResponse.of(new PageImpl<>(reads, page, total), read -> read);
    }

    private PersonalDataRead view(AuditRecord entry) {
        if (EXPORTED.equals(entry.action())) {
            return new PersonalDataRead(entry.at(), "SELF_EXPORT", List.of("MEMBER"), null, null);
        }
        String roles = entry.details().get("readerRoles");
        String orgPath = entry.details().get("readerOrgPath");
        String organizationId = orgPath == null ? null : lastSegment(orgPath);
        String name = organizationId == null ? null
                : organizations.find(organizationId).map(KnownOrganization::name).orElse(null);
        return new PersonalDataRead(entry.at(), "STAFF_READ",
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")), organizationId, name);
    }

    private static String lastSegment(String orgPath) {
        String[] parts = orgPath.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return null;
    }
}

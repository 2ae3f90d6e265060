package org.unionplatform.membership.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

import jakarta.validation.Validator;

/** What every batch of every file needs; {@link #begin} gives the batches of one run of one enrolment. */
@Component
class BulkBatchStep {

    final Validator validator;
    final Workers workers;
    final RosterVocabulary vocabulary;
    final PlaceNames places;
    final BulkMembers members;
    final BulkEnrolmentRepository enrolments;
    final BulkProperties properties;
    final Clock clock;
    private final KnownOrganizations organizations;

    BulkBatchStep(Validator validator, Workers workers, WorkerTypes workerTypes, BulkMembers members,
            BulkEnrolmentRepository enrolments, BulkProperties properties, Clock clock,
            KnownOrganizations organizations, ResourcePatternResolver resources) {
        this.validator = validator;
        this.workers = workers;
        this.vocabulary = RosterVocabulary.read(properties.vocabulary(), workerTypes);
        this.places = placeNames(properties, resources);
        this.members = members;
        this.enrolments = enrolments;
        this.properties = properties;
        this.clock = clock;
        this.organizations = organizations;
    }

    BulkBatches begin(BulkEnrolment enrolment) {
        String division = organizations.find(enrolment.organizationId()).map(KnownOrganization::divisionCode)
                .orElse(null);
        return new BulkBatches(enrolment, this, division);
    }

    private static PlaceNames placeNames(BulkProperties properties, ResourcePatternResolver resources) {
        if (properties.placeNames() == null || properties.placeNames().isBlank()) {
            return PlaceNames.of(java.util.Map.of());
        }
        try {
            return PlaceNames.read(resources.getResources(properties.placeNames()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list place names at " + properties.placeNames(), e);
        }
    }
}

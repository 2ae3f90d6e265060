package org.unionplatform.membership.bulk;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.membership.member.Workers;

import jakarta.validation.Validator;

/** What every batch of every file needs; {@link #begin} gives the batches of one run of one enrolment. */
@Component
class BulkBatchStep {

    final Validator validator;
    final Workers workers;
    final WorkerTypes workerTypes;
    final BulkMembers members;
    final BulkEnrolmentRepository enrolments;
    final BulkProperties properties;
    final Clock clock;

    BulkBatchStep(Validator validator, Workers workers, WorkerTypes workerTypes, BulkMembers members,
            BulkEnrolmentRepository enrolments, BulkProperties properties, Clock clock) {
        this.validator = validator;
        this.workers = workers;
        this.workerTypes = workerTypes;
        this.members = members;
        this.enrolments = enrolments;
        this.properties = properties;
        this.clock = clock;
    }

    BulkBatches begin(BulkEnrolment enrolment) {
        return new BulkBatches(enrolment, this);
    }
}

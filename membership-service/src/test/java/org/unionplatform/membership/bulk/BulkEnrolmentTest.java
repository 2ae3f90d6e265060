package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.bulk.BulkEnrolment.Progress;
import org.unionplatform.membership.bulk.BulkEnrolment.Status;
import org.unionplatform.membership.member.Union;

class BulkEnrolmentTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Union SHOUQI = new Union("shouqi-union", "首汽约车西安分公司工会", "/shaanxi/xian/f/shouqi-union/");

    private static BulkEnrolment queued() {
        return BulkEnrolment.queue("b-1", SHOUQI, "roster.csv", "organizer", NOW, false, java.util.Map.of());
    }

    private static BulkEnrolment running() {
        BulkEnrolment enrolment = queued();
        enrolment.start(2_000, "CSV UTF-8", NOW.plusSeconds(1));
        return enrolment;
    }

    @Test
    void aRunningEnrolmentAdvancesBatchByBatchAndFinishes() {
        BulkEnrolment enrolment = running();
        assertThat(enrolment.status()).isEqualTo(Status.RUNNING);
        assertThat(enrolment.total()).isEqualTo(2_000);
        assertThat(enrolment.format()).isEqualTo("CSV UTF-8");

        enrolment.advance(new Progress(1_000, 990, 3, 7, 0), NOW.plusSeconds(2));
        enrolment.advance(new Progress(1_000, 1_000, 0, 0, 0), NOW.plusSeconds(3));
        enrolment.finish(NOW.plusSeconds(4));

        assertThat(enrolment.status()).isEqualTo(Status.DONE);
        assertThat(enrolment.done()).isEqualTo(2_000);
        assertThat(enrolment.enrolled()).isEqualTo(1_990);
        assertThat(enrolment.alreadyMembers()).isEqualTo(3);
        assertThat(enrolment.rejected()).isEqualTo(7);
        assertThat(enrolment.finishedAt()).isEqualTo(NOW.plusSeconds(4));
        assertThat(enrolment.isUnfinished()).isFalse();
    }

    @Test
    void aStatusChangeInTheWrongStateIsRefused() {
        BulkEnrolment waiting = queued();
        assertThatThrownBy(() -> waiting.finish(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> waiting.advance(new Progress(1, 1, 0, 0, 0), NOW))
                .isInstanceOf(ConflictException.class);

        BulkEnrolment started = running();
        assertThatThrownBy(() -> started.start(1, "XLSX", NOW)).isInstanceOf(ConflictException.class);

        started.finish(NOW);
        assertThatThrownBy(() -> started.fail("late", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> started.restart(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> started.advance(new Progress(1, 1, 0, 0, 0), NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aQueuedOrRunningEnrolmentMayFailWithAReason() {
        BulkEnrolment waiting = queued();
        waiting.fail("无法读取该文件：请上传 CSV 或 XLSX（Excel）文件。", NOW);
        assertThat(waiting.status()).isEqualTo(Status.FAILED);
        assertThat(waiting.failure()).contains("CSV 或 XLSX");

        BulkEnrolment started = running();
        started.fail("The header row has no column for name.", NOW);
        assertThat(started.status()).isEqualTo(Status.FAILED);
        assertThatThrownBy(() -> started.finish(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aResumedEnrolmentStartsOverFromItsFirstRow() {
        BulkEnrolment enrolment = running();
        enrolment.advance(new Progress(1_000, 990, 0, 10, 0), NOW.plusSeconds(2));

        enrolment.restart(NOW.plusSeconds(300));

        assertThat(enrolment.status()).isEqualTo(Status.QUEUED);
        assertThat(enrolment.done()).isZero();
        assertThat(enrolment.enrolled()).isZero();
        assertThat(enrolment.rejected()).isZero();
        assertThat(enrolment.lastAdvanced()).isEqualTo(NOW.plusSeconds(300));
        enrolment.start(2_000, "CSV UTF-8", NOW.plusSeconds(301));
        assertThat(enrolment.status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void anEnrolmentNeverAdvancedCountsFromItsCreation() {
        BulkEnrolment stored = new BulkEnrolment("b-2", "shouqi-union", "首汽", "/a/", "x.csv", null, null,
                Status.QUEUED, 0, 0, 0, 0, 0, 0, null, "organizer", NOW, null, null, false, null, null);

        assertThat(stored.lastAdvanced()).isEqualTo(NOW);
        assertThat(stored.union()).isEqualTo(new Union("shouqi-union", "首汽", "/a/"));
    }

    @Test
    void aDryRunKeepsTheOrganizersMappingAndCountsWhomItWouldEnrolApartFromTheEnrolled() {
        var chosen = new java.util.LinkedHashMap<String, String>();
        chosen.put("证件", "residentId");
        chosen.put("备注", Columns.NOT_READ);
        BulkEnrolment dryRun = BulkEnrolment.queue("b-3", SHOUQI, "roster.csv", "organizer", NOW, true, chosen);
        dryRun.start(10, "CSV UTF-8", NOW);
        dryRun.advance(new Progress(10, 8, 1, 1, 0), NOW.plusSeconds(1));
        var mapping = new RosterMapping(1, java.util.List.of(), java.util.List.of(), java.util.List.of());
        dryRun.mapped(mapping);

        var view = BulkEnrolmentView.of(dryRun);
        assertThat(view.dryRun()).isTrue();
        assertThat(view.wouldEnrol()).isEqualTo(8);
        assertThat(view.enrolled()).isZero();
        assertThat(view.mapping()).isSameAs(mapping);
        assertThat(dryRun.chosenColumns()).containsExactly(java.util.Map.entry("证件", "residentId"),
                java.util.Map.entry("备注", Columns.NOT_READ));
        dryRun.finish(NOW.plusSeconds(2));
        assertThatThrownBy(() -> dryRun.mapped(mapping)).isInstanceOf(ConflictException.class);
    }
}

package org.unionplatform.membership.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.pii.ProtectedResidentId;

/** What the member endpoints answer (personal data masked by its type's serializer). */
final class MemberViews {

    private MemberViews() {
    }

    record MemberView(String id, String name, ProtectedResidentId residentId, ProtectedMobilePhone phone, String gender,
            LocalDate birthDate, String workerType, String platform, String companyCreditCode, String divisionCode,
            String organizationId, String organizationName, String orgPath, String status, String cardNumber,
            LocalDate joinedOn, Instant joinedAt, String channel, List<Member.StatusChange> statusHistory,
            List<Member.TransferRecord> transfers) {

        static MemberView of(Member m) {
            var w = m.worker();
            return new MemberView(m.id(), w.name(), w.residentId(), w.phone(), w.gender().name(), w.birthDate(),
                    w.workerType(), w.platform(), w.companyCreditCode(), w.divisionCode(), m.organizationId(),
                    m.organizationName(), m.orgPath(), m.status().name(), m.cardNumber(), m.joinedOn(), m.joinedAt(),
                    m.channel().name(), m.statusHistory(), m.transfers());
        }
    }

    /** A line of a member list: no history. */
    record MemberSummary(String id, String name, ProtectedMobilePhone phone, String gender, String workerType,
            String platform, String organizationId, String orgPath, String status, String cardNumber,
            LocalDate joinedOn) {

        static MemberSummary of(Member m) {
            var w = m.worker();
            return new MemberSummary(m.id(), w.name(), w.phone(), w.gender().name(), w.workerType(), w.platform(),
                    m.organizationId(), m.orgPath(), m.status().name(), m.cardNumber(), m.joinedOn());
        }
    }

    /**
     * benefits-service's question (docs/membership.md, "Questions other services ask"). {@code hardship} comes from
     * the hardship register on {@code today}; {@code hardshipNote} says in Chinese why a member once registered no
     * longer counts (lapsed, ended), null otherwise.
     */
    record Eligibility(String memberId, String status, String workerType, String gender, LocalDate birthDate,
            String organizationId, String orgPath, LocalDate joinedOn, boolean hardship, String hardshipNote) {

        static Eligibility of(Member m, LocalDate today) {
            var file = m.hardshipFile();
            return new Eligibility(m.id(), m.status().name(), m.worker().workerType(), m.worker().gender().name(),
                    m.worker().birthDate(), m.organizationId(), m.orgPath(), m.joinedOn(), m.inHardshipOn(today),
                    file == null ? null : file.whyNotOn(today));
        }
    }

    /** station-service's question (docs/membership.md, "Questions other services ask"). */
    record CardHolder(String memberId, String cardNumber, String workerType, String status, String organizationId,
            String orgPath) {

        static CardHolder of(Member m) {
            return new CardHolder(m.id(), m.cardNumber(), m.worker().workerType(), m.status().name(),
                    m.organizationId(), m.orgPath());
        }
    }

    record CountRow(String workerType, String status, long count) {
    }

    record Counts(long total, List<CountRow> byWorkerTypeAndStatus) {
    }

    /** Active members working in one county-level division (six digits; a township code counts in its county). */
    record DivisionCount(String divisionCode, long members) {
    }

    record DivisionCounts(String organizationId, long total, List<DivisionCount> districts) {
    }

    record PersonalData(String memberId, String residentId, String phone) {
    }

    record QrToken(String memberId, String qrToken) {
    }
}

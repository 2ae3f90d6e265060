package org.unionplatform.benefits.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.workers.KnownWorkerType;

/** Request bodies of the grant endpoints. */
final class GrantRequests {

    private GrantRequests() {
    }

    /**
     * Give one member a benefit of the program.
     *
     * @param amountFen for money programs, less than the program's amount per grant (e.g. a hardship grant sized to
     *                  the case); absent = the program's amount per grant
     */
    record Issue(@NotBlank @Size(max = 64) String memberId, @Positive Long amountFen, @Size(max = 500) String note) {
    }

    /**
     * Give a worker who is not a member a benefit of a program open to all workers. The phone identifies the person
     * (once per program per phone) and is stored only protected.
     */
    record IssueToWorker(@NotBlank @Size(max = 40) String name, @NotBlank @MobilePhone String phone,
            @NotBlank @KnownWorkerType String workerType, @Positive Long amountFen, @Size(max = 500) String note) {
    }

    record Revoke(@NotBlank @Size(max = 500) String reason) {
    }
}

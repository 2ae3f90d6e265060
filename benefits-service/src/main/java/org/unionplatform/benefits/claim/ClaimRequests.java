package org.unionplatform.benefits.claim;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

final class ClaimRequests {

    private ClaimRequests() {
    }

    /**
     * @param memberId    required when an officer submits for a member; a member submits for themself
     * @param attachments references to stored documents (ids or URLs of the file store), not the files
     */
    record Submit(@Size(max = 64) String memberId, @Positive @Max(100_000_000) long amountFen,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> attachments) {
    }

    /** @param reason required when {@code amountFen} is less than claimed (a partial approval) */
    record Approve(@Positive @Max(100_000_000) long amountFen, @Size(max = 500) String reason) {
    }

    /** @param reference the bank transfer's (or cash receipt's) reference */
    record Payout(@NotBlank @Size(max = 100) String reference) {
    }

    record Reject(@NotBlank @Size(max = 500) String reason) {
    }
}

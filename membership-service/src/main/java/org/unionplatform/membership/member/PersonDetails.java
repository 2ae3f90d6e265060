package org.unionplatform.membership.member;

import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.pii.ResidentId;
import org.unionplatform.common.workers.KnownWorkerType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A worker as they describe themselves: the one set of rules for the self-service form, the organizer's
 * form and every row of a bulk file. Gender and birth date are not asked: the resident ID holds them.
 */
public record PersonDetails(
        @NotBlank @Size(max = 40) String name,
        @NotBlank @ResidentId String residentId,
        @NotBlank @MobilePhone String phone,
        @NotBlank @KnownWorkerType String workerType,
        @Size(max = 60) String platform,
        @Pattern(regexp = "[0-9A-HJ-NP-RTUWXY]{18}", message = "must be an 18-character unified social credit code")
        String companyCreditCode,
        @NotBlank @Pattern(regexp = "[1-8][0-9]{5}", message = "must be a 6-digit administrative division code")
        String divisionCode) {
}

package org.unionplatform.membership.member;

import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.pii.ResidentId;
import org.unionplatform.common.reference.CreditCode;
import org.unionplatform.common.reference.KnownDivision;
import org.unionplatform.common.web.Unprocessable;
import org.unionplatform.common.workers.KnownWorkerType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A worker as they describe themselves: the one set of rules for the self-service form, the organizer's
 * form and every row of a bulk file. Gender and birth date are not asked: the resident ID holds them. The place
 * is a county (6-digit GB/T 2260 code) or a street or town (9-digit township code) listed in the shipped places;
 * the company's credit code must carry the right GB 32100 check character (a mistyped one answers 422):
 * organization-service refuses both otherwise, so they are checked here, where the applicant is told at once.
 */
public record PersonDetails(
        @NotBlank @Size(max = 40) String name,
        @NotBlank @ResidentId String residentId,
        @NotBlank @MobilePhone String phone,
        @NotBlank @KnownWorkerType String workerType,
        @Size(max = 60) String platform,
        @Pattern(regexp = "[0-9A-HJ-NP-RTUWXY]{18}", message = "must be an 18-character unified social credit code")
        @CreditCode(payload = Unprocessable.class) String companyCreditCode,
        @NotBlank @KnownDivision String divisionCode) {
}

package org.unionplatform.membership.member;

import java.time.LocalDate;

import org.unionplatform.common.pii.Gender;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.pii.ProtectedResidentId;

/**
 * The stored worker record, embedded in applications and members. The resident ID and phone are encrypted
 * with keyed lookup hashes; gender and birth date are derived from the ID. {@code phonePrefixKey} is a keyed
 * hash of the phone's first seven digits, so organizers can search by the prefix without the phone in clear
 * (see docs/membership.md); the last four digits are already visible in the mask.
 */
public record Worker(String name, ProtectedResidentId residentId, ProtectedMobilePhone phone, String phonePrefixKey,
        Gender gender, LocalDate birthDate, String workerType, String platform, String companyCreditCode,
        String divisionCode) {

    public String residentIdHash() {
        return residentId.lookupHash();
    }
}

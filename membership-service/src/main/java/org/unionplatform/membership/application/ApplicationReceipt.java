package org.unionplatform.membership.application;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.pii.ProtectedMobilePhone;

/**
 * What one public submission left behind, by its receipt code: the application it led to (a new one, whose id is
 * this code, or the person's open one) or the membership the resident ID already has, and the phone given with
 * it, to which a status-lookup code goes. The submission's answer never tells which of these it was.
 *
 * @param id            the receipt code
 * @param applicationId the application this submission led to; null when the person already was a member
 * @param memberId      the existing membership; null otherwise
 * @param phone         the phone given in this submission (encrypted, with its keyed hash)
 * @param submittedAt   when
 */
@Document("application_receipts")
record ApplicationReceipt(@Id String id, String applicationId, String memberId, ProtectedMobilePhone phone,
        Instant submittedAt) {
}

package org.unionplatform.station.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.unionplatform.common.clients.ServiceTokenRequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * membership-service's card verification (docs/stations.md, "Members"), declaring only the fields this service
 * reads; every call carries this service's own token, never the attendant's, and goes to one of the instances in
 * {@code platform.station.membership.url} ({@link MembershipClientConfiguration}).
 */
@FeignClient(name = "membership-service",
        configuration = {ServiceTokenRequests.class, MembershipClientConfiguration.class})
interface MembershipClient {

    @PostMapping("/api/members/card-verifications")
    CardVerification verify(@RequestBody VerificationRequest request);

    /** A member by id (a member's own check-in, whose token names the member): status and worker type. */
    @GetMapping("/api/members/{memberId}/eligibility")
    Eligibility eligibility(@PathVariable("memberId") String memberId);

    /** Exactly one of the three. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationRequest(String cardNumber, String qrToken, String qrTokenHash) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CardVerification(String memberId, String cardNumber, String workerType, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Eligibility(String memberId, String status, String workerType) {
    }
}

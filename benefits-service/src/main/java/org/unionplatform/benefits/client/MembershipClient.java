package org.unionplatform.benefits.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unionplatform.common.clients.ServiceTokenRequests;

/**
 * The one question benefits asks membership-service, at its instances in {@code platform.benefits.membership-uri}
 * ({@link MembershipClientConfiguration}). Timeouts: spring.cloud.openfeign.client.config.membership.
 */
@FeignClient(name = "membership",
        configuration = {ServiceTokenRequests.class, MembershipClientConfiguration.class})
interface MembershipClient {

    @GetMapping("/api/members/{memberId}/eligibility")
    MemberEligibility eligibility(@PathVariable("memberId") String memberId);
}

package org.unionplatform.benefits.eligibility;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The one question benefits asks membership-service. Timeouts: spring.cloud.openfeign.client.config.membership. */
@FeignClient(name = "membership", url = "${platform.benefits.membership-uri}",
        configuration = MembershipClientConfiguration.class)
interface MembershipClient {

    @GetMapping("/api/members/{memberId}/eligibility")
    MemberEligibility eligibility(@PathVariable("memberId") String memberId);
}

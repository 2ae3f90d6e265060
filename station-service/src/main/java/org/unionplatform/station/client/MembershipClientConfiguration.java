package org.unionplatform.station.client;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.unionplatform.common.failover.FailoverFeignClient;
import org.unionplatform.common.failover.ServiceAddresses;

import feign.Client;

/** Beans of the membership client only (deliberately not a @Configuration: not shared with other clients). */
class MembershipClientConfiguration {

    /** Every instance of membership-service (comma separated); the next is asked when one cannot be reached. */
    @Bean
    Client membershipInstances(@Value("${platform.station.membership.url}") String addresses) {
        return new FailoverFeignClient(ServiceAddresses.of(addresses));
    }
}

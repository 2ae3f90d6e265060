package org.unionplatform.benefits.client;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.unionplatform.common.failover.FailoverFeignClient;
import org.unionplatform.common.failover.ServiceAddresses;

import feign.Client;
import feign.Retryer;

/** Beans of the membership client only (deliberately not a @Configuration: not shared with other clients). */
class MembershipClientConfiguration {

    /** Every instance of membership-service (comma separated); the next is asked when one cannot be reached. */
    @Bean
    Client membershipInstances(@Value("${platform.benefits.membership-uri}") String addresses) {
        return new FailoverFeignClient(ServiceAddresses.of(addresses));
    }

    /** The eligibility read is idempotent: one retry after a connection failure, 100 ms later. */
    @Bean
    Retryer retryOnce() {
        return new Retryer.Default(100, 100, 2);
    }
}

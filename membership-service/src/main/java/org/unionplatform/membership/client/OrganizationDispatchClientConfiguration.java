package org.unionplatform.membership.client;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.unionplatform.common.failover.FailoverFeignClient;
import org.unionplatform.common.failover.ServiceAddresses;

import feign.Client;

/** Beans of the dispatch client only (deliberately not a @Configuration: not shared with other clients). */
class OrganizationDispatchClientConfiguration {

    /** Every instance of organization-service (comma separated); the next is asked when one cannot be reached. */
    @Bean
    Client organizationInstances(@Value("${membership.dispatch.organization-service-uri}") String addresses) {
        return new FailoverFeignClient(ServiceAddresses.of(addresses));
    }
}

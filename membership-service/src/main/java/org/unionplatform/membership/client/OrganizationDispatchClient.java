package org.unionplatform.membership.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.unionplatform.common.clients.ServiceTokenRequests;

/**
 * organization-service's dispatch question (docs/membership.md, "Applications and dispatch"): 200 with the union or
 * the federation whose re-assignment queue takes the application (rule REASSIGNMENT), 404 when the place has no
 * organisation at all, 400 when the details are invalid. Timeouts are set per client in
 * {@code spring.cloud.openfeign.client.config.organization-dispatch}; every call carries this service's token and goes
 * to one of the instances in {@code membership.dispatch.organization-service-uri}
 * ({@link OrganizationDispatchClientConfiguration}).
 */
@FeignClient(name = "organization-dispatch",
        configuration = {ServiceTokenRequests.class, OrganizationDispatchClientConfiguration.class})
interface OrganizationDispatchClient {

    @PostMapping(value = "/api/organizations/dispatch", consumes = "application/json", produces = "application/json")
    DispatchAnswer dispatch(@RequestBody DispatchQuestion question);

    record DispatchQuestion(String stationId, String platform, String companyCreditCode, String divisionCode, String workerType) {
    }

    /** Only the fields this service reads. */
    record DispatchAnswer(String organizationId, String organizationName, String orgPath, String rule,
            String reason) {
    }
}

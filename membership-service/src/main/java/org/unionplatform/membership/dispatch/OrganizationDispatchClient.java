package org.unionplatform.membership.dispatch;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * organization-service's dispatch question (CONTRACTS.md). Timeouts are set per client in
 * {@code spring.cloud.openfeign.client.config.organization-dispatch}; the service token is added by
 * {@link ServiceTokenInterceptorConfiguration}.
 */
@FeignClient(name = "organization-dispatch", url = "${membership.dispatch.organization-service-uri}",
        configuration = ServiceTokenInterceptorConfiguration.class)
interface OrganizationDispatchClient {

    @PostMapping(value = "/api/organizations/dispatch", consumes = "application/json", produces = "application/json")
    DispatchAnswer dispatch(@RequestBody DispatchQuestion question);

    record DispatchQuestion(String platform, String companyCreditCode, String divisionCode, String workerType) {
    }

    /** Only the fields this service reads. */
    record DispatchAnswer(String organizationId, String organizationName, String orgPath, String rule) {
    }
}

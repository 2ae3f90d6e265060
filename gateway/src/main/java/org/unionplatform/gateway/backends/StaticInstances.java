package org.unionplatform.gateway.backends;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The load balancer's configuration for one service, in the service's own child context (not component-scanned:
 * no {@code @Configuration}, it is named by {@link BackendsConfiguration}). The list is fixed: a dead instance stays
 * in it, and the gateway's Retry filter sends an idempotent request that could not connect to the next one (round
 * robin picks another instance on each attempt).
 */
class StaticInstances {

    @Bean
    ServiceInstanceListSupplier staticInstanceList(Environment environment, BackendProperties backends) {
        String service = LoadBalancerClientFactory.getName(environment);
        return ServiceInstanceListSuppliers.from(service, instances(service, backends.of(service)));
    }

    static ServiceInstance[] instances(String service, List<URI> uris) {
        return uris.stream().map(uri -> {
            boolean secure = "https".equals(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
            return (ServiceInstance) new DefaultServiceInstance(service + "@" + uri.getHost() + ":" + port, service,
                    uri.getHost(), port, secure);
        }).toArray(ServiceInstance[]::new);
    }
}

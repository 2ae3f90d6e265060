package org.unionplatform.gateway.backends;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every load-balanced service (one child context each, made by Spring Cloud LoadBalancer) reads the static list. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackendProperties.class)
@LoadBalancerClients(defaultConfiguration = StaticInstances.class)
class BackendsConfiguration {
}

/**
 * Where each service's instances are: a static list per service (from {@code ORGANIZATION_SERVICE_URI} and its
 * siblings, comma separated), served to Spring Cloud LoadBalancer so that the {@code lb://<service>} routes spread
 * requests over the instances round robin. No discovery server: in Kubernetes the list is the one Service address,
 * which balances itself.
 */
package org.unionplatform.gateway.backends;

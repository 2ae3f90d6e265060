/**
 * Every instance of another service from one comma-separated setting, each call starting at the next instance in
 * turn and moving on to the following one only when the request never reached an instance
 * ({@link org.unionplatform.common.failover.ServiceAddresses}): for Feign clients
 * {@link org.unionplatform.common.failover.FailoverFeignClient}, for RestClient and RestTemplate
 * {@link org.unionplatform.common.failover.FailoverInterceptor}. Used by the services' clients of each other, the
 * service-token request and the JWKS fetch.
 */
package org.unionplatform.common.failover;

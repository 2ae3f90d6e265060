package org.unionplatform.membership.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.common.security.ServiceTokens;
import org.unionplatform.membership.client.MemberTokenClient;

/** The member-token client of organization-service, at the address and timeouts of {@code membership.sign-in}. */
@Configuration(proxyBeanMethods = false)
class MemberTokenClientConfiguration {

    @Bean
    MemberTokenClient memberTokenClient(SignInProperties properties, ServiceTokens serviceTokens) {
        return new MemberTokenClient(properties.organizationServiceUri(), properties.connectTimeout(),
                properties.readTimeout(), serviceTokens);
    }
}

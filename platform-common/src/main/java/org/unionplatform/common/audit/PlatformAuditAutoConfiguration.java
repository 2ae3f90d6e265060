package org.unionplatform.common.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** The audit trail, for every service that has MongoDB. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBean(MongoOperations.class)
public class PlatformAuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(MongoOperations mongo, ObjectProvider<Clock> clock) {
        return new AuditTrail(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The ADMIN query of this service's audit log, where the service says ({@code platform.audit.path}). */
    @Bean
    @ConditionalOnProperty("platform.audit.path")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AuditController auditController(AuditTrail audit) {
        return new AuditController(audit);
    }
}

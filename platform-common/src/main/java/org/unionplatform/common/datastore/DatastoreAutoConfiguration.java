package org.unionplatform.common.datastore;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Bounded waits on MongoDB for every service ({@link DatastoreProperties}). The driver's defaults wait 10 s to
 * connect, 30 s to find the server, 2 minutes for a pooled connection and forever for an answer: a database that
 * stopped answering hung every request and the health probe with it.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoDatabaseFactory.class, MongoClientSettingsBuilderCustomizer.class})
@EnableConfigurationProperties(DatastoreProperties.class)
public class DatastoreAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer boundedMongoWaits(DatastoreProperties properties) {
        return settings -> settings
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.backgroundReadTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster
                        .serverSelectionTimeout(properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool
                        .maxWaitTime(properties.poolWaitTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Replaces Boot's {@code mongo} health indicator (same name, so readiness keeps including it). */
    @Bean
    @ConditionalOnClass(AbstractHealthIndicator.class)
    MongoReadiness mongoHealthIndicator(MongoClient client, DatastoreProperties properties) {
        return new MongoReadiness(client, properties.requestTimeout());
    }

    @Bean
    static BeanPostProcessor requestTimeoutDatabaseFactory(
            org.springframework.beans.factory.ObjectProvider<DatastoreProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoDatabaseFactory factory && !(bean instanceof RequestTimeoutDatabaseFactory)) {
                    return new RequestTimeoutDatabaseFactory(factory, properties.getObject().requestTimeout());
                }
                return bean;
            }
        };
    }
}

package org.unionplatform.common.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Expiry of the declared {@link ExpiringCollection}s (beans and {@code platform.retention.collections}). */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionAutoConfiguration {

    @Bean
    RetentionSweeper retentionSweeper(MongoTemplate mongo, ObjectProvider<ExpiringCollection> beans,
            RetentionProperties properties) {
        List<ExpiringCollection> collections = new ArrayList<>(beans.orderedStream().toList());
        collections.addAll(properties.collections());
        return new RetentionSweeper(mongo, collections, properties, Clock.systemUTC());
    }
}

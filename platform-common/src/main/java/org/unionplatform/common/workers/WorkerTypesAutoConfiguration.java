package org.unionplatform.common.workers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code platform.worker-types} once for every service ({@link WorkerTypes}). */
@AutoConfiguration
@EnableConfigurationProperties(WorkerTypes.class)
public class WorkerTypesAutoConfiguration {
}

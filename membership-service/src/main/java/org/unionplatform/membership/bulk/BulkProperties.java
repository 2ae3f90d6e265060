package org.unionplatform.membership.bulk;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param batchSize rows validated, looked up and inserted together
 * @param maxRows rows accepted in one file (the rest are refused as a whole); never above {@value #ROWS_CEILING},
 *                so a configuration mistake cannot open the door to unbounded uploads (the service refuses to start)
 * @param spoolDirectory where uploads wait for processing (deleted afterwards)
 */
@Validated
@ConfigurationProperties("membership.bulk")
record BulkProperties(@Min(1) int batchSize, @Min(1) @Max(ROWS_CEILING) int maxRows, Path spoolDirectory) {

    static final int ROWS_CEILING = 100_000;
}

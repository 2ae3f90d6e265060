package org.unionplatform.membership.bulk;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize rows validated, looked up and inserted together
 * @param maxRows rows accepted in one file (the rest are refused as a whole)
 * @param spoolDirectory where uploads wait for processing (deleted afterwards)
 */
@ConfigurationProperties("membership.bulk")
record BulkProperties(int batchSize, int maxRows, Path spoolDirectory) {
}

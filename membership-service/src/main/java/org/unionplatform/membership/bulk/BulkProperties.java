package org.unionplatform.membership.bulk;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param batchSize rows validated, looked up and inserted together
 * @param maxRows rows accepted in one file (the rest are refused as a whole); never above {@value #ROWS_CEILING},
 *                so a configuration mistake cannot open the door to unbounded uploads (the service refuses to start)
 * @param spoolDirectory where uploads wait for processing (deleted afterwards)
 * @param vocabulary the column names and occupation words rosters use ({@link RosterVocabulary})
 * @param placeNames where the county names a roster may give instead of a division code are read, a location
 *                   pattern ({@link PlaceNames}); nothing found there means codes only
 * @param firstRows how many data rows the mapping shows as read
 */
@Validated
@ConfigurationProperties("membership.bulk")
record BulkProperties(@Min(1) int batchSize, @Min(1) @Max(ROWS_CEILING) int maxRows, Path spoolDirectory,
        @NotNull Resource vocabulary, String placeNames, @Min(0) @Max(20) int firstRows) {

    static final int ROWS_CEILING = 100_000;
}

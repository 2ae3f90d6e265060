package org.unionplatform.station.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GeoHashTest {

    @Test
    void encodesTheTextbookExample() {
        assertThat(new GeoHash(5).cellOf(42.605, -5.603)).isEqualTo("ezs42");
    }

    @Test
    void theCoveringCellsContainEveryPointWithinTheRadius() {
        GeoHash geoHash = new GeoHash(SpatialIndex.PRECISION);
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            GeoPoint centre = new GeoPoint(18 + random.nextDouble() * 35, 75 + random.nextDouble() * 59);
            double radius = 1 + random.nextDouble() * 10_000;
            List<String> cells = geoHash.cellsCovering(centre.lat(), centre.lon(), radius);
            for (int j = 0; j < 20; j++) {
                double lat = centre.lat() + (random.nextDouble() - 0.5) * 0.2;
                double lon = centre.lon() + (random.nextDouble() - 0.5) * 0.2;
                if (centre.metresTo(lat, lon) <= radius) {
                    assertThat(cells).as("cell of %s,%s within %s m of %s", lat, lon, radius, centre)
                            .contains(geoHash.cellOf(lat, lon));
                }
            }
        }
    }

    @Test
    void aTenKilometreRadiusReadsFewCells() {
        assertThat(new GeoHash(SpatialIndex.PRECISION).cellsCovering(34.33, 108.71, 10_000)).hasSizeLessThan(50);
    }
}

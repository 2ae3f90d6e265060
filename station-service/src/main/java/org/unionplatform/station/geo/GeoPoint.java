package org.unionplatform.station.geo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A position in GCJ-02, the datum Chinese map apps (Amap, Tencent, Baidu after conversion) hand to phones.
 * Validated to mainland China's bounding box. Distances between two GCJ-02 points are accurate to metres
 * (the datum's offset from WGS-84 varies slowly), so the finder never converts.
 *
 * @param lat latitude in degrees, 3.8 to 53.6
 * @param lon longitude in degrees, 73.5 to 135.1
 */
public record GeoPoint(
        @NotNull @DecimalMin(value = "3.8", message = "must be within China (latitude 3.8 to 53.6)")
        @DecimalMax(value = "53.6", message = "must be within China (latitude 3.8 to 53.6)") Double lat,
        @NotNull @DecimalMin(value = "73.5", message = "must be within China (longitude 73.5 to 135.1)")
        @DecimalMax(value = "135.1", message = "must be within China (longitude 73.5 to 135.1)") Double lon) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public static boolean withinChina(double lat, double lon) {
        return lat >= 3.8 && lat <= 53.6 && lon >= 73.5 && lon <= 135.1;
    }

    /** Great-circle distance (haversine) in metres. */
    public double metresTo(double otherLat, double otherLon) {
        double dLat = Math.toRadians(otherLat - lat);
        double dLon = Math.toRadians(otherLon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(otherLat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public double metresTo(GeoPoint other) {
        return metresTo(other.lat(), other.lon());
    }
}

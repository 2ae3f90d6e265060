package org.unionplatform.station.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Geohash cells of a fixed precision, computed from integer grid indices so that the cells covering a circle
 * are exact (no stepping by floating-point degrees that could skip a cell). Precision 5 cells are
 * 0.0439 x 0.0439 degrees: about 4.9 km north-south and 3.5-4.6 km east-west in China.
 */
public final class GeoHash {

    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private final int precision;
    private final int lonBits;
    private final int latBits;
    private final double lonSpan;
    private final double latSpan;

    public GeoHash(int precision) {
        if (precision < 1 || precision > 12) {
            throw new IllegalArgumentException("geohash precision must be 1..12");
        }
        this.precision = precision;
        int bits = precision * 5;
        this.lonBits = (bits + 1) / 2;
        this.latBits = bits / 2;
        this.lonSpan = 360.0 / (1L << lonBits);
        this.latSpan = 180.0 / (1L << latBits);
    }

    public String cellOf(double lat, double lon) {
        return encode(lonIndex(lon), latIndex(lat));
    }

    /** Every cell that intersects the bounding box of the circle around the point. */
    public List<String> cellsCovering(double lat, double lon, double radiusMetres) {
        double dLat = radiusMetres / METRES_PER_DEGREE_LAT;
        double cosLat = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat))));
        double dLon = radiusMetres / (METRES_PER_DEGREE_LAT * cosLat);
        long minX = lonIndex(lon - dLon);
        long maxX = lonIndex(lon + dLon);
        long minY = latIndex(lat - dLat);
        long maxY = latIndex(lat + dLat);
        List<String> cells = new ArrayList<>((int) ((maxX - minX + 1) * (maxY - minY + 1)));
        for (long x = minX; x <= maxX; x++) {
            for (long y = minY; y <= maxY; y++) {
                cells.add(encode(x, y));
            }
        }
        return cells;
    }

    private long lonIndex(double lon) {
        long max = (1L << lonBits) - 1;
        return Math.max(0, Math.min(max, (long) Math.floor((lon + 180) / lonSpan)));
    }

    private long latIndex(double lat) {
        long max = (1L << latBits) - 1;
        return Math.max(0, Math.min(max, (long) Math.floor((lat + 90) / latSpan)));
    }

    /** Interleaves the bits, longitude first, as the geohash definition does. */
    private String encode(long x, long y) {
        char[] hash = new char[precision];
        int lonBit = lonBits - 1;
        int latBit = latBits - 1;
        boolean lonTurn = true;
        for (int c = 0; c < precision; c++) {
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int bit;
                if (lonTurn) {
                    bit = (int) ((x >> lonBit--) & 1);
                } else {
                    bit = (int) ((y >> latBit--) & 1);
                }
                value = (value << 1) | bit;
                lonTurn = !lonTurn;
            }
            hash[c] = BASE32[value];
        }
        return new String(hash);
    }
}

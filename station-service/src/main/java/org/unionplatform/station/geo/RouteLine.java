package org.unionplatform.station.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A road as a polyline of GCJ-02 points in travel order, with the distance along it to every vertex (haversine
 * metres per segment). {@link #project} puts a point on the road: how far along, and how far off to the side.
 * Within one segment (a few kilometres to tens of kilometres) the earth is taken as flat around the segment's
 * start (equirectangular), which errs by far less than a service area's size; lengths stay haversine.
 */
public final class RouteLine {

    private static final double METRES_PER_DEGREE = 111_195.08;

    private final List<GeoPoint> points;
    private final double[] along;

    public RouteLine(List<GeoPoint> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a route needs at least two points");
        }
        this.points = List.copyOf(points);
        this.along = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            along[i] = along[i - 1] + points.get(i - 1).metresTo(points.get(i));
        }
    }

    public double lengthMetres() {
        return along[along.length - 1];
    }

    /** The same road driven the other way. */
    public RouteLine reversed() {
        List<GeoPoint> reversed = new ArrayList<>(points);
        java.util.Collections.reverse(reversed);
        return new RouteLine(reversed);
    }

    public List<GeoPoint> points() {
        return points;
    }

    /** Where a point lies against the road: metres along it from the first point, metres off it. */
    public record Position(double alongMetres, double offsetMetres) {
    }

    /** The nearest place on the road to {@code point} (the first such place when two are equally near). */
    public Position project(GeoPoint point) {
        Position best = null;
        for (int i = 0; i + 1 < points.size(); i++) {
            GeoPoint a = points.get(i);
            GeoPoint b = points.get(i + 1);
            double cos = Math.cos(Math.toRadians(a.lat()));
            double bx = (b.lon() - a.lon()) * cos;
            double by = b.lat() - a.lat();
            double px = (point.lon() - a.lon()) * cos;
            double py = point.lat() - a.lat();
            double lengthSquared = bx * bx + by * by;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / lengthSquared));
            GeoPoint foot = new GeoPoint(a.lat() + t * (b.lat() - a.lat()), a.lon() + t * (b.lon() - a.lon()));
            double offset = point.metresTo(foot);
            if (best == null || offset < best.offsetMetres()) {
                best = new Position(along[i] + t * (along[i + 1] - along[i]), offset);
            }
        }
        return best;
    }

    /** The road's bounding box widened by {@code marginMetres} on every side: {minLat, maxLat, minLon, maxLon}. */
    public double[] boundingBox(double marginMetres) {
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (GeoPoint p : points) {
            minLat = Math.min(minLat, p.lat());
            maxLat = Math.max(maxLat, p.lat());
            minLon = Math.min(minLon, p.lon());
            maxLon = Math.max(maxLon, p.lon());
        }
        double dLat = marginMetres / METRES_PER_DEGREE;
        // Widest at the latitude nearest the pole, so the box never cuts a station within the margin.
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)) + dLat)));
        double dLon = marginMetres / (METRES_PER_DEGREE * cos);
        return new double[] {minLat - dLat, maxLat + dLat, minLon - dLon, maxLon + dLon};
    }
}

package org.unionplatform.station.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RouteLineTest {

    /** A road going south along a meridian, then east along a parallel. */
    private final RouteLine road = new RouteLine(List.of(new GeoPoint(38.0, 110.0), new GeoPoint(37.0, 110.0),
            new GeoPoint(37.0, 111.0)));

    @Test
    void aPointBesideTheRoadLiesAsFarAlongAsItsFootAndAsFarOffAsItsDistanceToIt() {
        GeoPoint beside = new GeoPoint(37.5, 110.02);
        RouteLine.Position position = road.project(beside);

        assertThat(position.alongMetres()).isCloseTo(new GeoPoint(38.0, 110.0).metresTo(37.5, 110.0), within(50.0));
        assertThat(position.offsetMetres()).isCloseTo(beside.metresTo(37.5, 110.0), within(20.0));
    }

    @Test
    void onTheSecondLegTheFirstLegsLengthComesFirst() {
        double firstLeg = new GeoPoint(38.0, 110.0).metresTo(37.0, 110.0);
        RouteLine.Position position = road.project(new GeoPoint(36.99, 110.5));

        assertThat(position.alongMetres()).isCloseTo(firstLeg + new GeoPoint(37.0, 110.0).metresTo(37.0, 110.5),
                within(100.0));
        assertThat(position.offsetMetres()).isCloseTo(1112.0, within(15.0));
        assertThat(road.lengthMetres()).isCloseTo(firstLeg + new GeoPoint(37.0, 110.0).metresTo(37.0, 111.0),
                within(0.01));
    }

    @Test
    void drivenTheOtherWayWhatWasAheadIsBehind() {
        GeoPoint station = new GeoPoint(37.2, 110.0);
        double forward = road.project(station).alongMetres();
        double backward = road.reversed().project(station).alongMetres();

        assertThat(forward + backward).isCloseTo(road.lengthMetres(), within(1.0));
    }

    @Test
    void theBoxHoldsEveryPointWithinTheMarginOfTheRoad() {
        Random random = new Random(7);
        double margin = 20_000;
        double[] box = road.boundingBox(margin);
        for (int i = 0; i < 2_000; i++) {
            GeoPoint point = new GeoPoint(36.7 + random.nextDouble() * 1.6, 109.7 + random.nextDouble() * 1.6);
            if (road.project(point).offsetMetres() <= margin) {
                assertThat(point.lat()).isBetween(box[0], box[1]);
                assertThat(point.lon()).isBetween(box[2], box[3]);
            }
        }
    }

    @Test
    void aRoadNeedsTwoPoints() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteLine(List.of(new GeoPoint(38.0, 110.0))));
    }
}

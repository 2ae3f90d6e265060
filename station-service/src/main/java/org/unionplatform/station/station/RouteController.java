package org.unionplatform.station.station;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.station.geo.RouteLine;
import org.unionplatform.station.station.StationResponses.PublicStation;

/**
 * Public: the stations on a truck driver's way (docs/stations.md, "Along a route"): along a route the phone
 * gives, or along a named highway corridor from where the driver is, in the order he reaches them, with the
 * metres ahead along the road and the metres off it. Only the road types (Drivers' Homes) are looked for.
 */
@RestController
@Validated
@RequestMapping("/api/stations")
class RouteController {

    /** The driver's way as points in travel order, the first where he is now. */
    record RouteRequest(@NotNull @Size(min = 2, max = 500) List<@NotNull @Valid GeoPoint> points,
            @Pattern(regexp = "[A-Z_]{1,40}") String type, @Min(1) Integer maxOffsetMetres,
            @Min(1) @Max(100) Integer limit) {
    }

    /** A station on the way: the public card, metres ahead along the road, metres off it. */
    record StationAhead(PublicStation station, long aheadMetres, long offsetMetres) {
    }

    /** The answer along a corridor: which one, which way, where the driver is on it, what lies ahead. */
    record CorridorAnswer(String corridorId, String corridorName, String direction, String towards,
            long driverAlongMetres, long driverOffsetMetres, List<StationAhead> ahead) {
    }

    /** A corridor as listed: its id, name, the two directions and its length. */
    record CorridorView(String id, String name, String forward, String backward, long lengthMetres,
            List<GeoPoint> points) {
    }

    enum Direction { FORWARD, BACKWARD }

    private final StationFinder finder;
    private final StationProperties.Finder limits;

    RouteController(StationFinder finder, StationProperties properties) {
        this.finder = finder;
        this.limits = properties.finder();
    }

    @PostMapping("/along-route")
    List<StationAhead> alongRoute(@Valid @RequestBody RouteRequest request) {
        String type = roadType(request.type());
        RouteLine route = new RouteLine(request.points());
        return ahead(route, 0, type, offset(request.maxOffsetMetres()), request.limit() == null ? 20 : request.limit());
    }

    @GetMapping("/corridors")
    List<CorridorView> corridors() {
        return limits.corridors().stream().map(c -> new CorridorView(c.id(), c.name(), c.forward(), c.backward(),
                Math.round(new RouteLine(c.points()).lengthMetres()), c.points())).toList();
    }

    /**
     * From where the driver is ({@code lat}, {@code lon}, within the offset limit of the corridor) in one
     * direction: the Drivers' Homes ahead, nearest first along the road.
     */
    @GetMapping("/corridors/{corridorId}/ahead")
    CorridorAnswer alongCorridor(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String corridorId,
            @RequestParam @DecimalMin("3.8") @DecimalMax("53.6") double lat,
            @RequestParam @DecimalMin("73.5") @DecimalMax("135.1") double lon,
            @RequestParam(defaultValue = "FORWARD") Direction direction,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) @Min(1) Integer maxOffsetMetres,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        StationProperties.Corridor corridor = limits.corridors().stream().filter(c -> c.id().equals(corridorId))
                .findFirst().orElseThrow(() -> new ResourceNotFoundException("Corridor", corridorId));
        RouteLine road = new RouteLine(corridor.points());
        if (direction == Direction.BACKWARD) {
            road = road.reversed();
        }
        double offset = offset(maxOffsetMetres);
        RouteLine.Position driver = road.project(new GeoPoint(lat, lon));
        if (driver.offsetMetres() > offset) {
            throw new BusinessRuleViolationException("not-on-corridor", "The position is "
                    + Math.round(driver.offsetMetres()) + " metres from " + corridorId + ", more than " + Math.round(offset));
        }
        return new CorridorAnswer(corridor.id(), corridor.name(), direction.name(),
                direction == Direction.FORWARD ? corridor.forward() : corridor.backward(),
                Math.round(driver.alongMetres()), Math.round(driver.offsetMetres()),
                ahead(road, driver.alongMetres(), roadType(type), offset, limit));
    }

    private List<StationAhead> ahead(RouteLine road, double from, String type, double offset, int limit) {
        return finder.ahead(road, from, type, offset, limit).stream()
                .map(a -> new StationAhead(PublicStation.of(a.station(), finder.isOpenNow(a.station()), null),
                        a.aheadMetres(), a.offsetMetres()))
                .toList();
    }

    private String roadType(String type) {
        String chosen = type == null ? limits.roadTypes().getFirst() : type;
        if (!limits.roadTypes().contains(chosen)) {
            throw new NotARoadType(chosen, limits.roadTypes());
        }
        return chosen;
    }

    private double offset(Integer requested) {
        int offset = requested == null ? Math.min(5_000, limits.offsetMax()) : requested;
        if (offset > limits.offsetMax()) {
            throw new FieldTooLarge("maxOffsetMetres", limits.offsetMax());
        }
        return offset;
    }

    /** 400: only road types are looked for along a road. */
    static final class NotARoadType extends PlatformProblemException {
        NotARoadType(String type, List<String> roadTypes) {
            super(HttpStatus.BAD_REQUEST, "Not a road type", "Along a route only " + roadTypes + " are found, not "
                    + type);
            with("errors", List.of(java.util.Map.of("field", "type", "message", "must be one of " + roadTypes)));
        }
    }

    /** 400: a limit above what the finder answers. */
    static final class FieldTooLarge extends PlatformProblemException {
        FieldTooLarge(String field, int max) {
            super(HttpStatus.BAD_REQUEST, "Invalid request", field + " may be at most " + max);
            with("errors", List.of(java.util.Map.of("field", field, "message", "must be at most " + max)));
        }
    }
}

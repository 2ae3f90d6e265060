package org.unionplatform.station.station;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.station.station.StationResponses.PublicStation;
import org.unionplatform.station.station.StationResponses.StationView;

/**
 * Stations: the public finder ({@code /nearby}, {@code /directory}) and the staff endpoints. Roles are
 * checked here (403), scope in {@link Stations} (404 for objects, query filters for lists).
 */
@RestController
@Validated
@RequestMapping("/api/stations")
class StationController {

    private static final String STAFF = "hasAnyRole('ADMIN','ORGANIZER','STATION_ATTENDANT')";
    private static final String MANAGERS = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Stations stations;
    private final StationFinder finder;
    private final StationQrCodes qrCodes;
    private final StationProperties properties;

    StationController(Stations stations, StationFinder finder, StationQrCodes qrCodes, StationProperties properties) {
        this.stations = stations;
        this.finder = finder;
        this.qrCodes = qrCodes;
        this.properties = properties;
    }

    /**
     * Public: the nearest active stations within the radius, nearest first, with the distance in metres. The radius
     * reaches {@code platform.station.finder.radius-max} (10 km), or {@code road-radius-max} (100 km) when asking
     * for a road type (Drivers' Homes) with {@code type}.
     */
    @GetMapping("/nearby")
    List<PublicStation> nearby(
            @RequestParam @DecimalMin("3.8") @DecimalMax("53.6") double lat,
            @RequestParam @DecimalMin("73.5") @DecimalMax("135.1") double lon,
            @RequestParam(defaultValue = "3000") @Min(1) @Max(100_000) int radius,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) Set<String> amenity,
            @RequestParam(defaultValue = "false") boolean openNow,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        StationProperties.Finder limits = properties.finder();
        boolean roadType = type != null && limits.roadTypes().contains(type);
        int radiusMax = roadType ? limits.roadRadiusMax() : limits.radiusMax();
        if (radius > radiusMax) {
            throw new RadiusTooLarge(radiusMax, limits.roadTypes());
        }
        GeoPoint centre = new GeoPoint(lat, lon);
        Set<String> amenities = amenity == null ? Set.of() : amenity;
        List<StationFinder.Found> found = roadType
                ? finder.ofTypeNearby(type, centre, radius, amenities, openNow, limit)
                : finder.nearby(centre, radius, type, amenities, openNow, limit);
        return found.stream().map(f -> PublicStation.of(f.station(), finder.isOpenNow(f.station()), f.metres()))
                .toList();
    }

    /** 400: the radius exceeds what the finder answers for this type. */
    static final class RadiusTooLarge extends PlatformProblemException {
        RadiusTooLarge(int max, List<String> roadTypes) {
            super(HttpStatus.BAD_REQUEST, "Radius too large", "The radius may be at most " + max
                    + " metres for this type; up to the road radius only with type=" + String.join("|", roadTypes));
            with("errors", List.of(java.util.Map.of("field", "radius", "message", "must be at most " + max)));
        }
    }

    /** Public: active stations of a division (and below) and/or an organisation's subtree. */
    @GetMapping("/directory")
    PageResponse<PublicStation> directory(
            @RequestParam(required = false) @Pattern(regexp = "[1-9]\\d{5}") String divisionCode,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            @Valid PageQuery page) {
        return PageResponse.of(finder.directory(divisionCode, organizationId, page.toPageRequest(Sort.by("_id"))),
                station -> PublicStation.of(station, finder.isOpenNow(station), null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGERS)
    StationView open(Caller caller, @Valid @RequestBody StationRequests.OpenStation request) {
        return view(stations.open(caller, request));
    }

    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<StationView> list(Caller caller, @RequestParam(required = false) StationStatus status,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) @Pattern(regexp = "[1-9]\\d{5}") String divisionCode,
            @Valid PageQuery page) {
        return PageResponse.of(stations.list(caller, status, type, divisionCode, page.toPageRequest(Sort.by("_id"))),
                this::view);
    }

    /** Each station type's checklist, in the order an inspection answers it. */
    @GetMapping("/checklists")
    @PreAuthorize(STAFF)
    java.util.Map<String, List<StationProperties.ChecklistItem>> checklists() {
        return properties.checklists();
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    StationView get(Caller caller, @PathVariable String id) {
        return view(stations.readable(caller, id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    StationView update(Caller caller, @PathVariable String id, @Valid @RequestBody StationDetails details) {
        return view(stations.update(caller, id, details));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(MANAGERS)
    StationView changeStatus(Caller caller, @PathVariable String id,
            @Valid @RequestBody StationRequests.ChangeStatus request) {
        return view(stations.changeStatus(caller, id, request));
    }

    @PostMapping("/{id}/inspections")
    @PreAuthorize(MANAGERS)
    StationView inspect(Caller caller, @PathVariable String id,
            @Valid @RequestBody StationRequests.RecordInspection request) {
        return view(stations.inspect(caller, id, request));
    }

    /** A printable PNG QR code of the station's check-in link. */
    @GetMapping(value = "/{id}/qr-code", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<byte[]> qrCode(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "512") @Min(128) @Max(2048) int size) {
        Station station = stations.readable(caller, id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header("Content-Disposition", "inline; filename=\"station-" + station.id() + ".png\"")
                .body(qrCodes.png(station, size));
    }

    private StationView view(Station station) {
        return StationView.of(station, finder.isOpenNow(station));
    }
}

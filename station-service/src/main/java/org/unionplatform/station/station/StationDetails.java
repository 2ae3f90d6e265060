package org.unionplatform.station.station;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.unionplatform.station.geo.GeoPoint;

/**
 * What an organizer describes about a station (request body of create and update). Types and amenities are
 * checked against the configured lists ({@code platform.station.types}, {@code .amenities}).
 *
 * @param divisionCode GB/T 2260 six-digit administrative division code, e.g. 610400 for Xianyang
 * @param attendants   staff account usernames that serve the station (their tokens carry the station id)
 */
public record StationDetails(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 40) String type,
        @NotBlank @Size(max = 200) String address,
        @NotNull @Pattern(regexp = "[1-9]\\d{5}", message = "must be a six-digit GB/T 2260 division code")
        String divisionCode,
        @NotNull @Valid GeoPoint location,
        @Size(max = 40) Set<@NotBlank String> amenities,
        @Valid OpeningHours hours,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> partners,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> attendants) {

    public StationDetails {
        amenities = amenities == null ? Set.of() : Set.copyOf(amenities);
        hours = hours == null ? OpeningHours.aroundTheClock() : hours;
        partners = partners == null ? List.of() : List.copyOf(partners);
        attendants = attendants == null ? List.of() : List.copyOf(attendants);
    }
}

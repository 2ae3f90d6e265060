package org.unionplatform.organization.place;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.reference.Place;
import org.unionplatform.common.reference.Places;
import org.unionplatform.common.web.ResourceNotFoundException;

/** Public, read-only: the place-name picker of the forms (province, city, county, street or town). */
@RestController
@RequestMapping("/api/organizations/places")
@Validated
class PlaceController {

    private static final String CODE = "[0-9]{6}|[0-9]{9}";
    private static final CacheControl DAY = CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic();

    record PlaceView(String code, String name, String level, String parent, boolean hasChildren) {
    }

    record PlaceWithPath(String code, String name, String level, String fullName, List<PlaceView> path) {
    }

    /** The places directly inside {@code parent} (the provinces without it). */
    @GetMapping
    ResponseEntity<List<PlaceView>> children(@RequestParam(required = false) @Pattern(regexp = CODE,
            message = "must be a 6-digit division code or a 9-digit township code") String parent) {
        Places places = Places.shipped();
        if (parent != null && places.find(parent).isEmpty()) {
            throw new ResourceNotFoundException("Place", parent);
        }
        return ResponseEntity.ok().cacheControl(DAY).body(places.children(parent).stream().map(this::view).toList());
    }

    @GetMapping("/{code}")
    ResponseEntity<PlaceWithPath> one(@PathVariable @Pattern(regexp = CODE,
            message = "must be a 6-digit division code or a 9-digit township code") String code) {
        Places places = Places.shipped();
        Place place = places.find(code).orElseThrow(() -> new ResourceNotFoundException("Place", code));
        List<Place> path = places.path(place);
        String fullName = String.join("", path.stream().map(Place::name).toList());
        return ResponseEntity.ok().cacheControl(DAY).body(new PlaceWithPath(place.code(), place.name(),
                place.level().name(), fullName, path.stream().map(this::view).toList()));
    }

    private PlaceView view(Place place) {
        return new PlaceView(place.code(), place.name(), place.level().name(), place.parent(),
                !Places.shipped().children(place.code()).isEmpty());
    }
}

package org.unionplatform.testsupport.architecture.samples.clean;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Every kind of input the rules allow, answered with response records only. */
@RestController
class CleanController {

    private final CleanRepository repository;

    CleanController(CleanRepository repository) {
        this.repository = repository;
    }

    enum Colour { RED, GREEN }

    record Line(String text, int quantity, List<Colour> colours) {
    }

    record CreateThing(String name, Optional<String> note, List<Line> lines, Line[] extra,
            Map<Colour, Integer> stock, Map<String, List<Line>> linesByCode) {
    }

    record ThingView(UUID id, String name) {
    }

    @PostMapping("/things/{id}")
    ResponseEntity<ThingView> create(@PathVariable UUID id, @RequestBody CreateThing body,
            @RequestHeader("Idempotency-Key") String key, @RequestHeader Map<String, String> headers) {
        return ResponseEntity.ok(new ThingView(id, body.name()));
    }

    @GetMapping("/things")
    List<ThingView> list(@RequestParam(required = false) Colour colour, @RequestParam LocalDate from,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) List<String> tags,
            boolean verbose) {
        return repository.findByName(String.valueOf(colour)).stream()
                .map(stored -> new ThingView(stored.id(), stored.name())).toList();
    }

    @PostMapping("/things/upload")
    void upload(MultipartFile file) {
    }
}

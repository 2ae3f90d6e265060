package org.unionplatform.testsupport.architecture.samples.broken;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One handler per way of letting a client shape a query or see a stored document. */
@RestController
class BrokenController {

    record Filter(String name, Object anything) {
    }

    record Nested(Map<String, Object> extra, Map<Filter, String> byFilter, List rawList) {
    }

    @PostMapping("/search")
    void searchByMap(@RequestBody Map<String, Object> criteria) {
    }

    @GetMapping("/params")
    void allParameters(@RequestParam Map<String, String> parameters) {
    }

    @GetMapping("/filter")
    void filter(@ModelAttribute Filter filter) {
    }

    @PostMapping("/nested")
    void nested(@RequestBody Nested body) {
    }

    @PostMapping("/stored")
    void bindStored(@RequestBody StoredRecord stored) {
    }

    @GetMapping("/paged")
    void paged(Pageable pageable) {
    }

    @GetMapping("/one")
    StoredRecord one() {
        return null;
    }

    @GetMapping("/many")
    ResponseEntity<List<StoredRecord>> many() {
        return null;
    }
}

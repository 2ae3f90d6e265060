package org.unionplatform.station.landing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.station.landing.StationCards.StationCard;

/** Public: the page behind a station's printed QR code reads it before anyone signs in. */
@RestController
class StationCardController {

    private final StationCards cards;

    StationCardController(StationCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/stations/{stationId}/card")
    StationCard card(@PathVariable String stationId) {
        return cards.card(stationId);
    }
}

package org.unionplatform.station;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.unionplatform.common.clients.BreakerSettings;

/**
 * {@code platform.station.*}: the extensible vocabularies (station types, amenities, services), the inspection
 * checklist of each station type, the visit rules and the membership client. Worker types are the platform's one list
 * ({@code platform.worker-types}, {@link org.unionplatform.common.workers.WorkerTypes}).
 *
 * @param types          station types a station may have
 * @param amenities      amenities a station may offer
 * @param services       services a visit may record
 * @param checklists     per station type, the checklist a station of that type is inspected against (every type
 *                       has one; a Drivers' Home is held to other points than a reading room)
 * @param checkInBaseUrl the link printed in a station's QR code, followed by the station id
 * @param visits         visit rules
 * @param membership     the membership-service client
 * @param finder         the finder's limits and the named highway corridors
 */
@ConfigurationProperties("platform.station")
public record StationProperties(List<String> types, List<String> amenities, List<String> services,
        Map<String, List<ChecklistItem>> checklists, URI checkInBaseUrl, Visits visits,
        Membership membership, Finder finder) {

    public StationProperties {
        types = List.copyOf(types);
        amenities = List.copyOf(amenities);
        services = List.copyOf(services);
        checklists = Map.copyOf(checklists);
        for (String type : types) {
            if (checklists.get(type) == null || checklists.get(type).isEmpty()) {
                throw new IllegalStateException("platform.station.checklists has no checklist for station type "
                        + type);
            }
        }
        for (String type : checklists.keySet()) {
            if (!types.contains(type)) {
                throw new IllegalStateException("platform.station.checklists names an unknown station type " + type);
            }
        }
        finder = finder == null ? new Finder(10_000, List.of("DRIVERS_HOME"), 100_000, 20_000, List.of()) : finder;
    }

    /**
     * @param radiusMax     the largest radius of the finder in metres, for most station types
     * @param roadTypes     types found along roads (Drivers' Homes at highway service areas): they are searched
     *                      by type, up to {@code roadRadiusMax}, and along routes and corridors
     * @param roadRadiusMax the largest radius in metres when asking for one of the road types
     * @param offsetMax     how far off a route or corridor (metres) a station may lie and still be on the way
     * @param corridors     named stretches of highway a driver can ask along
     */
    public record Finder(@DefaultValue("10000") int radiusMax, @DefaultValue("DRIVERS_HOME") List<String> roadTypes,
            @DefaultValue("100000") int roadRadiusMax, @DefaultValue("20000") int offsetMax,
            List<Corridor> corridors) {

        public Finder {
            roadTypes = List.copyOf(roadTypes);
            corridors = corridors == null ? List.of() : List.copyOf(corridors);
        }
    }

    /**
     * A named stretch of highway, its points in the forward direction of travel.
     *
     * @param id       in the address, e.g. {@code G65-yulin}
     * @param name     in Chinese, e.g. 包茂高速（G65）榆林段
     * @param forward  where the forward direction leads, in Chinese (往延安方向)
     * @param backward where the other direction leads
     */
    public record Corridor(String id, String name, String forward, String backward,
            List<org.unionplatform.station.geo.GeoPoint> points) {
    }

    /** The checklist a station of this (known) type is inspected against. */
    public List<ChecklistItem> checklistFor(String type) {
        return checklists.get(type);
    }

    /** One point of a station checklist. */
    public record ChecklistItem(String code, String label) {
    }

    /**
     * @param maxAge             the window: a visit uploaded later than this after it happened is kept, flagged LATE
     * @param keepLateFor        oldest visit time accepted at all (older: refused, TOO_OLD)
     * @param clockSkew          how far in the future a visit time may be (phones' clocks drift)
     * @param maxBatch           visits per upload
     * @param countingSweep      how often visits whose counting was interrupted are counted
     * @param countingGrace      how old an uncounted visit must be before the sweep takes it over
     * @param verificationSweep  how often unverified member visits are verified again
     * @param verificationBatch  visits verified per sweep round
     * @param foldSweep          how often changed closed station-days are folded into their months (figures are
     *                           exact meanwhile; a round reads the changed days of visit_days)
     * @param backstopSweep      how often each sweep scans although this instance signalled nothing (another
     *                           instance may have died leaving work); every scan reads all visits on the
     *                           embedded MongoDB
     */
    public record Visits(@DefaultValue("7d") Duration maxAge, @DefaultValue("366d") Duration keepLateFor,
            @DefaultValue("2m") Duration clockSkew,
            @DefaultValue("500") int maxBatch, @DefaultValue("30s") Duration countingSweep,
            @DefaultValue("30s") Duration countingGrace, @DefaultValue("30s") Duration verificationSweep,
            @DefaultValue("100") int verificationBatch, @DefaultValue("5m") Duration foldSweep,
            @DefaultValue("5m") Duration backstopSweep) {
    }

    /**
     * The membership-service card verification client: timeouts and a circuit breaker with every value explicit.
     *
     * @param url                  base address of membership-service, or of each of its instances, comma separated
     * @param connectTimeoutMillis TCP connect timeout (Feign takes milliseconds)
     * @param readTimeoutMillis    response timeout
     * @param timeLimit            overall limit of one call (covers token fetch and retries of nothing: POST);
     *                             also the breaker's slow-call threshold
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumCalls         calls before the failure rate counts
     * @param openFor              how long the breaker stays open before letting trial calls through
     * @param halfOpenCalls        trial calls in half-open state
     */
    public record Membership(String url, @DefaultValue("500") int connectTimeoutMillis,
            @DefaultValue("1000") int readTimeoutMillis, @DefaultValue("2s") Duration timeLimit,
            @DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor,
            @DefaultValue("2") int halfOpenCalls) {

        /** The breaker around the membership client ({@code client.MemberCards}). */
        public BreakerSettings breaker() {
            return new BreakerSettings(slidingWindowSize, minimumCalls, failureRateThreshold, timeLimit, openFor,
                    halfOpenCalls);
        }
    }
}

package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.model.Instrument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpack's USDC perpetuals from {@code /api/v1/markets}: tick and step filters, max leverage and each market's own
 * {@code fundingInterval}. Cached for ten minutes; a failed refresh keeps serving the last list.
 */
final class BackpackMarkets {

    private static final Logger LOG = LoggerFactory.getLogger(BackpackMarkets.class);
    static final Duration TTL = Duration.ofMinutes(10);

    private final BackpackRestClient rest;
    private final BackpackJson json;
    private final Clock clock;

    private volatile Snapshot current;
    private CompletableFuture<Snapshot> loading;

    record Snapshot(Map<String, Instrument> bySymbol, Map<String, Instrument> byVenueSymbol, Instant loadedAt) {
    }

    BackpackMarkets(BackpackRestClient rest, BackpackJson json, Clock clock) {
        this.rest = rest;
        this.json = json;
        this.clock = clock;
    }

    CompletableFuture<List<Instrument>> all() {
        return snapshot().thenApply(s -> List.copyOf(s.bySymbol().values()));
    }

    CompletableFuture<Instrument> bySymbol(String symbol) {
        return snapshot().thenApply(s -> Optional.ofNullable(s.bySymbol().get(symbol))
                .orElseThrow(() -> new MarketNotFoundException(json.venueName(), symbol)));
    }

    /** The market of a venue symbol, if it is a listed perpetual (from the cached list only). */
    Optional<Instrument> byVenueSymbol(String venueSymbol) {
        Snapshot snapshot = current;
        return snapshot == null ? Optional.empty() : Optional.ofNullable(snapshot.byVenueSymbol().get(venueSymbol));
    }

    synchronized CompletableFuture<Snapshot> snapshot() {
        Snapshot snapshot = current;
        if (snapshot != null && Duration.between(snapshot.loadedAt(), clock.instant()).compareTo(TTL) < 0) {
            return CompletableFuture.completedFuture(snapshot);
        }
        if (loading == null) {
            loading = load().whenComplete((loaded, failure) -> {
                synchronized (this) {
                    loading = null;
                    if (loaded != null) {
                        current = loaded;
                    } else {
                        LOG.warn("{}: refreshing markets failed: {}", json.venueName(), failure.toString());
                    }
                }
            });
        }
        CompletableFuture<Snapshot> pending = loading;
        return snapshot == null ? pending : pending.exceptionally(failure -> snapshot);
    }

    private CompletableFuture<Snapshot> load() {
        return rest.getMarkets().thenApply(markets -> {
            Map<String, Instrument> bySymbol = new LinkedHashMap<>();
            Map<String, Instrument> byVenueSymbol = new HashMap<>();
            for (JsonNode market : markets) {
                if (!BackpackJson.isTradablePerpetual(market)) {
                    continue;
                }
                Instrument instrument = json.instrument(market);
                if (bySymbol.putIfAbsent(instrument.symbol(), instrument) != null) {
                    LOG.warn("{}: {} and {} both normalize to {}; keeping the first", json.venueName(),
                            bySymbol.get(instrument.symbol()).venueSymbol(), instrument.venueSymbol(),
                            instrument.symbol());
                    continue;
                }
                byVenueSymbol.put(instrument.venueSymbol(), instrument);
            }
            return new Snapshot(Map.copyOf(bySymbol), Map.copyOf(byVenueSymbol), clock.instant());
        });
    }
}

package dev.perpflow.exchange.market;

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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue's markets, loaded by the venue module and cached for a time to live: one load at a time (callers share
 * it), a failed refresh keeps serving the last list, and lookups by perpflow's normalized symbol or by the venue's
 * own market name. Two markets normalizing to one symbol keep the first (logged).
 */
public final class MarketCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(MarketCatalog.class);

    /** The markets as of one load. */
    public record Snapshot(Map<String, Instrument> bySymbol, Map<String, Instrument> byVenueSymbol, Instant loadedAt) {
    }

    private final String venue;
    private final Supplier<CompletableFuture<List<Instrument>>> loader;
    private final Duration ttl;
    private final Clock clock;

    private volatile Snapshot current;
    private CompletableFuture<Snapshot> loading;

    public MarketCatalog(String venue, Supplier<CompletableFuture<List<Instrument>>> loader, Duration ttl, Clock clock) {
        this.venue = venue;
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    public CompletableFuture<List<Instrument>> all() {
        return snapshot().thenApply(s -> List.copyOf(s.bySymbol().values()));
    }

    public CompletableFuture<Instrument> bySymbol(String symbol) {
        return snapshot().thenApply(s -> Optional.ofNullable(s.bySymbol().get(symbol))
                .orElseThrow(() -> new MarketNotFoundException(venue, symbol)));
    }

    /** The market of a venue market name, from the cached list only (empty before the first load). */
    public Optional<Instrument> byVenueSymbol(String venueSymbol) {
        Snapshot snapshot = current;
        return snapshot == null ? Optional.empty() : Optional.ofNullable(snapshot.byVenueSymbol().get(venueSymbol));
    }

    /** The cached markets, loading them when missing or older than the time to live. */
    public synchronized CompletableFuture<Snapshot> snapshot() {
        Snapshot snapshot = current;
        if (snapshot != null && Duration.between(snapshot.loadedAt(), clock.instant()).compareTo(ttl) < 0) {
            return CompletableFuture.completedFuture(snapshot);
        }
        if (loading == null) {
            loading = load().whenComplete((loaded, failure) -> {
                synchronized (this) {
                    loading = null;
                    if (loaded != null) {
                        current = loaded;
                    } else {
                        LOG.warn("{}: refreshing markets failed: {}", venue, failure.toString());
                    }
                }
            });
        }
        CompletableFuture<Snapshot> pending = loading;
        return snapshot == null ? pending : pending.exceptionally(failure -> snapshot);
    }

    private CompletableFuture<Snapshot> load() {
        CompletableFuture<List<Instrument>> instruments;
        try {
            instruments = loader.get();
        } catch (RuntimeException e) {
            instruments = CompletableFuture.failedFuture(e);
        }
        return instruments.thenApply(list -> {
            Map<String, Instrument> bySymbol = new LinkedHashMap<>();
            Map<String, Instrument> byVenueSymbol = new HashMap<>();
            for (Instrument instrument : list) {
                Instrument first = bySymbol.putIfAbsent(instrument.symbol(), instrument);
                if (first != null) {
                    LOG.warn("{}: {} and {} both normalize to {}; keeping the first", venue, first.venueSymbol(),
                            instrument.venueSymbol(), instrument.symbol());
                    continue;
                }
                byVenueSymbol.put(instrument.venueSymbol(), instrument);
            }
            return new Snapshot(Map.copyOf(bySymbol), Map.copyOf(byVenueSymbol), clock.instant());
        });
    }
}

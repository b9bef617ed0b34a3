package dev.perpflow.component.aster;

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
 * Aster's markets: {@code exchangeInfo} (tick, lot, min notional) joined with {@code fundingInfo} (per-symbol funding
 * interval; symbols not listed settle every 8 h) and, with credentials, {@code leverageBracket} (max leverage).
 * Cached for ten minutes, as the seed caches the funding intervals; a failed refresh keeps serving the last list.
 */
final class AsterMarkets {

    private static final Logger LOG = LoggerFactory.getLogger(AsterMarkets.class);
    static final Duration TTL = Duration.ofMinutes(10);
    /** Max leverage assumed without credentials (leverage brackets are a signed endpoint). */
    static final int DEFAULT_MAX_LEVERAGE = 20;
    private static final int DEFAULT_FUNDING_INTERVAL_HOURS = 8;

    private final AsterRest rest;
    private final AsterJson json;
    private final boolean withBrackets;
    private final Clock clock;

    private volatile Snapshot current;
    private CompletableFuture<Snapshot> loading;

    record Snapshot(Map<String, Instrument> bySymbol, Map<String, Instrument> byVenueSymbol, Instant loadedAt) {
    }

    AsterMarkets(AsterRest rest, AsterJson json, boolean withBrackets, Clock clock) {
        this.rest = rest;
        this.json = json;
        this.withBrackets = withBrackets;
        this.clock = clock;
    }

    CompletableFuture<List<Instrument>> all() {
        return snapshot().thenApply(s -> List.copyOf(s.bySymbol().values()));
    }

    CompletableFuture<Instrument> bySymbol(String symbol) {
        return snapshot().thenApply(s -> Optional.ofNullable(s.bySymbol().get(symbol))
                .orElseThrow(() -> new MarketNotFoundException(json.venueName(), symbol)));
    }

    /** The market of a venue symbol, if it is a listed USDT perpetual (from the cached list only). */
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
        CompletableFuture<JsonNode> info = rest.publicGet("/fapi/v1/exchangeInfo", Map.of(), 1);
        CompletableFuture<JsonNode> funding = rest.publicGet("/fapi/v1/fundingInfo", Map.of(), 1);
        CompletableFuture<Map<String, Integer>> brackets = withBrackets ? leverageBrackets()
                : CompletableFuture.completedFuture(Map.of());
        return CompletableFuture.allOf(info, funding, brackets).thenApply(ignored -> {
            Map<String, Integer> intervals = new HashMap<>();
            for (JsonNode row : funding.join()) {
                intervals.put(row.path("symbol").asText(), row.path("fundingIntervalHours").asInt(DEFAULT_FUNDING_INTERVAL_HOURS));
            }
            Map<String, Instrument> bySymbol = new LinkedHashMap<>();
            Map<String, Instrument> byVenueSymbol = new HashMap<>();
            for (JsonNode market : info.join().path("symbols")) {
                if (!AsterJson.isTradingPerpetual(market)) {
                    continue;
                }
                String venueSymbol = market.path("symbol").asText();
                Instrument instrument = json.instrument(market,
                        intervals.getOrDefault(venueSymbol, DEFAULT_FUNDING_INTERVAL_HOURS),
                        brackets.join().getOrDefault(venueSymbol, DEFAULT_MAX_LEVERAGE));
                bySymbol.putIfAbsent(instrument.symbol(), instrument);
                byVenueSymbol.put(venueSymbol, instrument);
            }
            return new Snapshot(Map.copyOf(bySymbol), Map.copyOf(byVenueSymbol), clock.instant());
        });
    }

    private CompletableFuture<Map<String, Integer>> leverageBrackets() {
        return rest.signed("GET", "/fapi/v1/leverageBracket", Map.of(), 1).thenApply(rows -> {
            Map<String, Integer> max = new HashMap<>();
            for (JsonNode row : rows) {
                int highest = 1;
                for (JsonNode bracket : row.path("brackets")) {
                    highest = Math.max(highest, bracket.path("initialLeverage").asInt(1));
                }
                max.put(row.path("symbol").asText(), highest);
            }
            return max;
        }).exceptionally(failure -> {
            LOG.warn("{}: leverage brackets unavailable ({}); assuming {}x", json.venueName(), failure.toString(),
                    DEFAULT_MAX_LEVERAGE);
            return Map.of();
        });
    }
}

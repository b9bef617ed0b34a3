package dev.perpflow.component.aster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.market.MarketCatalog;
import dev.perpflow.exchange.model.Instrument;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final MarketCatalog catalog;

    AsterMarkets(AsterRest rest, AsterJson json, boolean withBrackets, Clock clock) {
        this.rest = rest;
        this.json = json;
        this.withBrackets = withBrackets;
        this.catalog = new MarketCatalog(json.venueName(), this::load, TTL, clock);
    }

    CompletableFuture<List<Instrument>> all() {
        return catalog.all();
    }

    CompletableFuture<Instrument> bySymbol(String symbol) {
        return catalog.bySymbol(symbol);
    }

    /** The market of a venue symbol, if it is a listed USDT perpetual (from the cached list only). */
    Optional<Instrument> byVenueSymbol(String venueSymbol) {
        return catalog.byVenueSymbol(venueSymbol);
    }

    CompletableFuture<MarketCatalog.Snapshot> snapshot() {
        return catalog.snapshot();
    }

    private CompletableFuture<List<Instrument>> load() {
        CompletableFuture<JsonNode> info = rest.publicGet("/fapi/v1/exchangeInfo", Map.of(), 1);
        CompletableFuture<JsonNode> funding = rest.publicGet("/fapi/v1/fundingInfo", Map.of(), 1);
        CompletableFuture<Map<String, Integer>> brackets = withBrackets ? leverageBrackets()
                : CompletableFuture.completedFuture(Map.of());
        return CompletableFuture.allOf(info, funding, brackets).thenApply(ignored -> {
            Map<String, Integer> intervals = new HashMap<>();
            for (JsonNode row : funding.join()) {
                intervals.put(row.path("symbol").asText(), row.path("fundingIntervalHours").asInt(DEFAULT_FUNDING_INTERVAL_HOURS));
            }
            List<Instrument> instruments = new ArrayList<>();
            for (JsonNode market : info.join().path("symbols")) {
                if (!AsterJson.isTradingPerpetual(market)) {
                    continue;
                }
                String venueSymbol = market.path("symbol").asText();
                instruments.add(json.instrument(market,
                        intervals.getOrDefault(venueSymbol, DEFAULT_FUNDING_INTERVAL_HOURS),
                        brackets.join().getOrDefault(venueSymbol, DEFAULT_MAX_LEVERAGE)));
            }
            return instruments;
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

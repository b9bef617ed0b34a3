package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.market.MarketCatalog;
import dev.perpflow.exchange.model.Instrument;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Backpack's USDC perpetuals from {@code /api/v1/markets}: tick and step filters, max leverage and each market's own
 * {@code fundingInterval}. Cached for ten minutes; a failed refresh keeps serving the last list.
 */
final class BackpackMarkets {

    static final Duration TTL = Duration.ofMinutes(10);

    private final BackpackRestClient rest;
    private final BackpackJson json;
    private final MarketCatalog catalog;

    BackpackMarkets(BackpackRestClient rest, BackpackJson json, Clock clock) {
        this.rest = rest;
        this.json = json;
        this.catalog = new MarketCatalog(json.venueName(), this::load, TTL, clock);
    }

    CompletableFuture<List<Instrument>> all() {
        return catalog.all();
    }

    CompletableFuture<Instrument> bySymbol(String symbol) {
        return catalog.bySymbol(symbol);
    }

    /** The market of a venue symbol, if it is a listed perpetual (from the cached list only). */
    Optional<Instrument> byVenueSymbol(String venueSymbol) {
        return catalog.byVenueSymbol(venueSymbol);
    }

    CompletableFuture<MarketCatalog.Snapshot> snapshot() {
        return catalog.snapshot();
    }

    private CompletableFuture<List<Instrument>> load() {
        return rest.getMarkets().thenApply(markets -> {
            List<Instrument> instruments = new ArrayList<>();
            for (JsonNode market : markets) {
                if (BackpackJson.isTradablePerpetual(market)) {
                    instruments.add(json.instrument(market));
                }
            }
            return instruments;
        });
    }
}

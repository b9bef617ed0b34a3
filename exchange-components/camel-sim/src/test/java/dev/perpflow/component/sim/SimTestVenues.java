package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Venues with a still price and still funding, so matching and funding numbers can be computed by hand. */
final class SimTestVenues {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private SimTestVenues() {
    }

    /**
     * BTC mid 90000, tick 1, half spread 1 tick: best bid 89999, best ask 90001, 0.555 BTC per level; maker 0.02 %,
     * taker 0.05 %.
     */
    static SimVenueConfig still(String name) {
        return SimVenueConfig.defaults(name, 7)
                .withFees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
                .withPriceProcess(Duration.ofSeconds(1), 0.0)
                .withMarkets(m -> m.withFundingVolatility(BigDecimal.ZERO));
    }

    static SimExchange engine() {
        return new SimExchange(still("t"), START);
    }

    static OrderRequest limit(String id, Side side, String qty, String price, TimeInForce tif) {
        return OrderRequest.limit(id, "BTC", side, new BigDecimal(qty), new BigDecimal(price), tif);
    }

    static OrderRequest market(String id, Side side, String qty) {
        return OrderRequest.market(id, "BTC", side, new BigDecimal(qty), false);
    }

    static OrderRequest reduceOnly(String id, Side side, String qty) {
        return OrderRequest.market(id, "BTC", side, new BigDecimal(qty), true);
    }
}

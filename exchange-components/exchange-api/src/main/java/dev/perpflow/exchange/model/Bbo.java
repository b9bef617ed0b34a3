package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/** Best bid and offer of one market. */
public record Bbo(
        String venue,
        String symbol,
        BigDecimal bid,
        BigDecimal bidQuantity,
        BigDecimal ask,
        BigDecimal askQuantity,
        Instant timestamp) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public Bbo {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public BigDecimal mid() {
        return bid.add(ask).divide(TWO, MathContext.DECIMAL64);
    }

    /** (ask − bid) / mid, e.g. 0.02 for a 2 % spread. */
    public BigDecimal spreadFraction() {
        BigDecimal mid = mid();
        return mid.signum() == 0 ? BigDecimal.ZERO : ask.subtract(bid).divide(mid, MathContext.DECIMAL64);
    }
}

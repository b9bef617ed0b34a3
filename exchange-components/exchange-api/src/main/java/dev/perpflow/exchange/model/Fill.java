package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution against an order. {@code (venue, tradeId)} identifies a fill: a duplicated event carries
 * the same trade id and must be applied once.
 *
 * @param fee fee charged in {@code feeCurrency}; negative for a maker rebate
 */
public record Fill(
        String venue,
        String tradeId,
        String clientOrderId,
        String venueOrderId,
        String symbol,
        Side side,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal fee,
        String feeCurrency,
        Liquidity liquidity,
        Instant timestamp) {

    public Fill {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}

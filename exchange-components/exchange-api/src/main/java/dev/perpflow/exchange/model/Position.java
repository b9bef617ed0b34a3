package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position on one market.
 *
 * @param quantity         signed, in venue contract units: positive long, negative short
 * @param liquidationPrice estimated liquidation price, or {@code null} when the venue gives none
 * @param fundingAccrued   funding received (positive) or paid (negative) since the position opened
 * @param margin           margin reserved for the position
 */
public record Position(
        String venue,
        String symbol,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal liquidationPrice,
        BigDecimal unrealizedPnl,
        BigDecimal fundingAccrued,
        BigDecimal margin,
        BigDecimal leverage,
        Instant timestamp) {

    public Position {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    public BigDecimal notional() {
        return markPrice == null ? BigDecimal.ZERO : quantity.abs().multiply(markPrice);
    }
}

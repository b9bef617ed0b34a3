package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The venue's view of an order.
 *
 * @param venueOrderId the venue's id, or {@code null} while unknown
 * @param averagePrice average fill price, or {@code null} before the first fill
 * @param rejectReason the venue's reason when {@link OrderStatus#REJECTED}, else {@code null}
 */
public record Order(
        String venue,
        String clientOrderId,
        String venueOrderId,
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        OrderStatus status,
        boolean reduceOnly,
        String rejectReason,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(status, "status");
        if (filledQuantity.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("filled " + filledQuantity.toPlainString()
                    + " exceeds quantity " + quantity.toPlainString() + " for " + clientOrderId);
        }
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }

    public Order withStatus(OrderStatus newStatus, Instant at) {
        return new Order(venue, clientOrderId, venueOrderId, symbol, side, type, timeInForce, quantity, price,
                filledQuantity, averagePrice, newStatus, reduceOnly, rejectReason, createdAt, at);
    }
}

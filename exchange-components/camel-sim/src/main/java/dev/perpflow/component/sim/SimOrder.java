package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/** Mutable engine-side state of one order; {@link #snapshot} gives the immutable model view. */
final class SimOrder {

    final String account;
    final OrderRequest request;
    final String venueOrderId;
    final Instant createdAt;
    BigDecimal quantity;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notionalFilled = BigDecimal.ZERO;
    OrderStatus status = OrderStatus.NEW;
    String rejectReason;
    Instant updatedAt;

    SimOrder(String account, OrderRequest request, String venueOrderId, BigDecimal quantity, Instant at) {
        this.account = account;
        this.request = request;
        this.venueOrderId = venueOrderId;
        this.quantity = quantity;
        this.createdAt = at;
        this.updatedAt = at;
    }

    BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    void fill(BigDecimal qty, BigDecimal price, Instant at) {
        filled = filled.add(qty);
        notionalFilled = notionalFilled.add(qty.multiply(price));
        status = filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updatedAt = at;
    }

    void close(OrderStatus terminal, Instant at) {
        status = terminal;
        updatedAt = at;
    }

    Order snapshot(String venue) {
        BigDecimal average = filled.signum() == 0 ? null : notionalFilled.divide(filled, MathContext.DECIMAL64);
        return new Order(venue, request.clientOrderId(), venueOrderId, request.symbol(), request.side(), request.type(),
                request.timeInForce(), quantity, request.price(), filled, average, status, request.reduceOnly(),
                rejectReason, createdAt, updatedAt);
    }
}

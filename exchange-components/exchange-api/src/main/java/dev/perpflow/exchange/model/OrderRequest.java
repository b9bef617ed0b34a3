package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to send. The client order id is chosen by perpflow, deterministically, and journaled before the
 * request leaves the process; venues echo it back so an order can always be found again.
 *
 * @param quantity in venue contract units (see {@link Instrument#quantityMultiplier()})
 * @param price    limit price; {@code null} for market orders
 * @param critical the order bounds exposure (a hedge or a rollback): the venue's rate budget serves it before reads
 *                 when it is short (cancels are always critical)
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        OrderType type,
        TimeInForce timeInForce,
        boolean reduceOnly,
        boolean critical) {

    public OrderRequest {
        if (clientOrderId == null || clientOrderId.isBlank()) {
            throw new IllegalArgumentException("clientOrderId is required");
        }
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
        }
        if (type == OrderType.LIMIT && (price == null || price.signum() <= 0)) {
            throw new IllegalArgumentException("a limit order needs a positive price");
        }
        if (type == OrderType.MARKET && price != null) {
            throw new IllegalArgumentException("a market order has no price");
        }
        if (type == OrderType.MARKET && timeInForce == TimeInForce.POST_ONLY) {
            throw new IllegalArgumentException("a market order cannot be post-only");
        }
    }

    /** An order of normal priority. */
    public OrderRequest(String clientOrderId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
            OrderType type, TimeInForce timeInForce, boolean reduceOnly) {
        this(clientOrderId, symbol, side, quantity, price, type, timeInForce, reduceOnly, false);
    }

    public static OrderRequest market(String clientOrderId, String symbol, Side side, BigDecimal quantity, boolean reduceOnly) {
        return new OrderRequest(clientOrderId, symbol, side, quantity, null, OrderType.MARKET, TimeInForce.IOC, reduceOnly);
    }

    public static OrderRequest limit(
            String clientOrderId, String symbol, Side side, BigDecimal quantity, BigDecimal price, TimeInForce tif) {
        return new OrderRequest(clientOrderId, symbol, side, quantity, price, OrderType.LIMIT, tif, false);
    }

    public OrderRequest withReduceOnly(boolean value) {
        return new OrderRequest(clientOrderId, symbol, side, quantity, price, type, timeInForce, value, critical);
    }

    /** The same order, served first by the venue's rate budget (a hedge or a rollback). */
    public OrderRequest asCritical() {
        return new OrderRequest(clientOrderId, symbol, side, quantity, price, type, timeInForce, reduceOnly, true);
    }
}

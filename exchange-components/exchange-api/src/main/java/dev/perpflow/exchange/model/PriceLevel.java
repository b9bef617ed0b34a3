package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One price level of an order book: total quantity resting at a price. */
public record PriceLevel(BigDecimal price, BigDecimal quantity) {

    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}

package dev.perpflow.exchange.component;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code <venue>:<operation>} path of every venue endpoint. {@code funding}, {@code book} and
 * {@code orders} can be consumed; every operation but {@code orders} can be produced to.
 */
public enum ExchangeOperation {
    FUNDING("funding", true),
    BOOK("book", true),
    ORDERS("orders", true),
    MARKET_STATS("marketStats", false),
    INSTRUMENTS("instruments", false),
    SUBMIT_ORDER("submitOrder", false),
    CANCEL_ORDER("cancelOrder", false),
    QUERY_ORDER("queryOrder", false),
    OPEN_ORDERS("openOrders", false),
    POSITIONS("positions", false),
    BALANCES("balances", false),
    FILLS("fills", false),
    SET_LEVERAGE("setLeverage", false);

    private final String uriName;
    private final boolean consumable;

    ExchangeOperation(String uriName, boolean consumable) {
        this.uriName = uriName;
        this.consumable = consumable;
    }

    public String uriName() {
        return uriName;
    }

    public boolean isConsumable() {
        return consumable;
    }

    public boolean isProducible() {
        return this != ORDERS;
    }

    public static Optional<ExchangeOperation> fromUriName(String name) {
        return Arrays.stream(values()).filter(op -> op.uriName.equals(name)).findFirst();
    }

    public static String allUriNames() {
        return Arrays.stream(values()).map(ExchangeOperation::uriName).collect(Collectors.joining(", "));
    }
}

package dev.perpflow.exchange.model;

/** How an order is priced: at the book (MARKET) or at a stated limit price (LIMIT). */
public enum OrderType {
    MARKET,
    LIMIT
}

package dev.perpflow.exchange.model;

/**
 * Life cycle of an order. UNKNOWN means the venue may or may not have the order (a timeout after submit):
 * it is resolved by querying the client order id, never by submitting again.
 */
public enum OrderStatus {
    NEW,
    OPEN,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    UNKNOWN;

    /** Terminal states never change again. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED;
    }

    /** Whether the order may still trade on the venue. */
    public boolean isWorking() {
        return this == NEW || this == OPEN || this == PARTIALLY_FILLED;
    }
}

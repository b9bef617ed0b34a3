package dev.perpflow.exchange.model;

/**
 * How long a limit order may rest. POST_ONLY orders are rejected instead of taking liquidity; IOC orders
 * fill what they can immediately and cancel the rest.
 */
public enum TimeInForce {
    GTC,
    IOC,
    POST_ONLY
}

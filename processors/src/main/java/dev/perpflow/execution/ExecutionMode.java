package dev.perpflow.execution;

/**
 * How the order executor works an order, with the seed's semantics: MARKET at the book (a slippage-cancelled
 * remainder falls back to a limit), SIMPLE_LIMIT one limit order just inside the touch until a timeout, and
 * AGGRESSIVE_LIMIT re-priced limits (touch, one tick inside, then crossing) before a market fallback.
 */
public enum ExecutionMode {
    MARKET,
    SIMPLE_LIMIT,
    AGGRESSIVE_LIMIT
}

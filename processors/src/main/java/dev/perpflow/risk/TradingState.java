package dev.perpflow.risk;

/**
 * What trading is allowed: ACTIVE everything; REDUCING only orders that reduce exposure (reduce-only); HALTED
 * nothing but cancels. Leaving HALTED takes an explicit resume.
 */
public enum TradingState {
    ACTIVE,
    REDUCING,
    HALTED
}

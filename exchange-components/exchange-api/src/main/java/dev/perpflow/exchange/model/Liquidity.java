package dev.perpflow.exchange.model;

/** Whether a fill added liquidity to the book (MAKER) or took it (TAKER); decides the fee rate. */
public enum Liquidity {
    MAKER,
    TAKER
}

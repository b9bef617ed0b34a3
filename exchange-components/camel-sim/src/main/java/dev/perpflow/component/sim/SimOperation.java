package dev.perpflow.component.sim;

/** The calls of a simulated venue a fault can be aimed at (see {@link SimFaults#failNext}). */
public enum SimOperation {
    SUBMIT,
    CANCEL,
    QUERY,
    OPEN_ORDERS,
    POSITIONS,
    BALANCES,
    FILLS,
    LEVERAGE,
    BOOK
}

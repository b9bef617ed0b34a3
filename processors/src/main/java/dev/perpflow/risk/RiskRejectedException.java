package dev.perpflow.risk;

/** An order refused by the risk guard before it was journaled or sent. */
public class RiskRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RiskRejectedException(String message) {
        super(message);
    }
}

package dev.perpflow.exchange.model;

import java.math.BigDecimal;

/** Order or trade direction. A long position is built by BUY orders, a short one by SELL orders. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL: the sign a fill of this side adds to a signed position. */
    public BigDecimal sign() {
        return this == BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
    }

    /** The side that reduces a position of the given signed quantity. */
    public static Side reducing(BigDecimal signedPosition) {
        return signedPosition.signum() > 0 ? SELL : BUY;
    }
}

package dev.perpflow.execution;

import dev.perpflow.exchange.model.Fill;
import java.time.Duration;

/**
 * How the journals tell a fill reported twice (stream and REST, or a reconnect's catch-up) from a venue reusing a
 * trade id (camel-sim and some venues restart their trade counters): a fill is its trade id within its order; the
 * same trade id on the same order with another price, quantity or time is a different fill.
 */
public final class FillIdentity {

    /** Venues report a trade's time with different precision on their stream and REST views. */
    private static final Duration SAME_TIME = Duration.ofSeconds(1);

    private FillIdentity() {
    }

    /** The order a fill belongs to: its client order id, else the venue's order id, else empty (a liquidation). */
    public static String orderRef(Fill fill) {
        if (fill.clientOrderId() != null) {
            return fill.clientOrderId();
        }
        return fill.venueOrderId() != null ? fill.venueOrderId() : "";
    }

    /** Whether two fills with the same trade id and order are one and the same trade. */
    public static boolean sameTrade(Fill stored, Fill reported) {
        return stored.quantity().compareTo(reported.quantity()) == 0 && stored.price().compareTo(reported.price()) == 0
                && Duration.between(stored.timestamp(), reported.timestamp()).abs().compareTo(SAME_TIME) <= 0;
    }

    /** The trade id a reused id is recorded under: the venue's id and the fill's time, so it is stable. */
    public static String disambiguated(Fill fill) {
        return fill.tradeId() + "#" + fill.timestamp().toEpochMilli();
    }
}

package dev.perpflow.exchange;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;

/**
 * Receives the account's private stream. Events may arrive duplicated or out of order; a fill is identified by
 * its trade id. Called on the venue's stream thread: return quickly.
 */
public interface OrderEventListener {

    void onOrder(Order order);

    void onFill(Fill fill);

    default void onPosition(Position position) {
    }

    /** The stream connected or dropped; while it is down, state must be reconciled by REST polling. */
    default void onStreamState(StreamState state) {
    }
}

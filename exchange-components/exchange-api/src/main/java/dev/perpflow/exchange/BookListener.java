package dev.perpflow.exchange;

import dev.perpflow.exchange.model.OrderBook;

/** Receives book snapshots from a venue stream. Called on the venue's stream thread: return quickly. */
@FunctionalInterface
public interface BookListener {
    void onBook(OrderBook book);
}

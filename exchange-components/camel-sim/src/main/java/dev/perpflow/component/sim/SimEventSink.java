package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.Position;

/** What the engine reports as it happens; called while the engine holds its lock, so implementations only enqueue. */
interface SimEventSink {

    void onOrder(String account, Order order);

    void onFill(String account, Fill fill);

    void onPosition(String account, Position position);

    /** A new book after a price step; only produced for symbols {@link #wantsBook} says yes to. */
    void onBook(OrderBook book);

    boolean wantsBook(String symbol);
}

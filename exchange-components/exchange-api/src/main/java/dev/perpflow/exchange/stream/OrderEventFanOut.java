package dev.perpflow.exchange.stream;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one venue's private stream: events go to each of them, a failing listener is logged and does
 * not stop the others, and the orders last seen working are remembered so a reconnect can ask the venue for the
 * final state of each (they may have ended while the stream was down).
 */
public final class OrderEventFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventFanOut.class);

    private final String name;
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    /** Client order id → symbol of orders last seen working. */
    private final Map<String, String> working = new ConcurrentHashMap<>();

    public OrderEventFanOut(String name) {
        this.name = name;
    }

    /** Adds a listener; a connected stream tells it so at once. */
    public void add(OrderEventListener listener, boolean connected) {
        listeners.add(listener);
        if (connected) {
            listener.onStreamState(StreamState.CONNECTED);
        }
    }

    public void remove(OrderEventListener listener) {
        listeners.remove(listener);
    }

    public void state(StreamState state) {
        each(l -> l.onStreamState(state));
    }

    /** Delivers an order and remembers whether it is still working. */
    public void order(Order order) {
        if (order.status().isWorking()) {
            working.put(order.clientOrderId(), order.symbol());
        } else {
            working.remove(order.clientOrderId());
        }
        each(l -> l.onOrder(order));
    }

    public void fill(Fill fill) {
        each(l -> l.onFill(fill));
    }

    public void position(Position position) {
        each(l -> l.onPosition(position));
    }

    /** Client order id → symbol of the orders last seen working. */
    public Map<String, String> working() {
        return Map.copyOf(working);
    }

    private void each(Consumer<OrderEventListener> event) {
        for (OrderEventListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("{}: listener failed", name, e);
            }
        }
    }
}

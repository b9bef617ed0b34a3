package dev.perpflow.testkit.sim;

import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns a sim venue's book snapshots into the incremental feed fake venues serve: each new snapshot becomes one diff
 * (changed levels with their new quantity, removed levels with zero) numbered {@code previousId + 1}, and the REST
 * snapshot is the same book with the same id, so a client following the venue's sync rules stays consistent.
 * A test can make the feed skip a diff ({@link #skipNext}) to create a sequence gap.
 */
public final class SimBookFeed {

    /** One diff: ids {@code firstId..lastId}, {@code previousId} the diff it follows. */
    public record Diff(String symbol, long firstId, long lastId, long previousId, List<PriceLevel> bids,
            List<PriceLevel> asks, OrderBook book) {
    }

    /** A book with the id of the last diff it includes. */
    public record Snapshot(OrderBook book, long lastUpdateId) {
    }

    private final SimExchangeClient sim;
    private final int depth;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Set<String> skipping = ConcurrentHashMap.newKeySet();

    private static final class State {
        OrderBook book;
        long lastId;
    }

    public SimBookFeed(SimExchangeClient sim, int depth) {
        this.sim = sim;
        this.depth = depth;
    }

    /** Starts following a symbol (idempotent); {@code publish} receives every diff. */
    public void follow(String symbol, Consumer<Diff> publish) {
        subscriptions.computeIfAbsent(symbol, s -> sim.subscribeBook(s, book -> {
            Diff diff = update(s, book);
            if (diff != null && !skipping.remove(s)) {
                publish.accept(diff);
            }
        }));
    }

    /**
     * The current book and its id. While a stream follows the symbol this is the book of the last diff; otherwise it
     * is read from the sim now (a changed book counts as one more update).
     */
    public synchronized Snapshot snapshot(String symbol) {
        State state = states.computeIfAbsent(symbol, s -> new State());
        if (state.book == null || !subscriptions.containsKey(symbol)) {
            OrderBook current = sim.exchange().book(symbol, depth);
            if (state.book == null || !current.bids().equals(state.book.bids())
                    || !current.asks().equals(state.book.asks())) {
                state.lastId++;
            }
            state.book = current;
        }
        return new Snapshot(state.book, state.lastId);
    }

    /** The next diff of {@code symbol} is numbered but not delivered. */
    public void skipNext(String symbol) {
        skipping.add(symbol);
    }

    public void close() {
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
    }

    private synchronized Diff update(String symbol, OrderBook book) {
        State state = states.computeIfAbsent(symbol, s -> new State());
        OrderBook previous = state.book;
        long previousId = state.lastId;
        state.book = book;
        state.lastId = previousId + 1;
        return new Diff(symbol, previousId + 1, state.lastId, previousId,
                changes(previous == null ? List.of() : previous.bids(), book.bids()),
                changes(previous == null ? List.of() : previous.asks(), book.asks()), book);
    }

    private static List<PriceLevel> changes(List<PriceLevel> before, List<PriceLevel> after) {
        Map<BigDecimal, BigDecimal> old = new TreeMap<>();
        before.forEach(l -> old.put(l.price(), l.quantity()));
        List<PriceLevel> diff = new ArrayList<>();
        Map<BigDecimal, BigDecimal> now = new TreeMap<>();
        for (PriceLevel level : after) {
            now.put(level.price(), level.quantity());
            BigDecimal was = old.get(level.price());
            if (was == null || was.compareTo(level.quantity()) != 0) {
                diff.add(level);
            }
        }
        old.keySet().stream().filter(price -> !now.containsKey(price))
                .forEach(price -> diff.add(new PriceLevel(price, BigDecimal.ZERO)));
        return diff;
    }
}

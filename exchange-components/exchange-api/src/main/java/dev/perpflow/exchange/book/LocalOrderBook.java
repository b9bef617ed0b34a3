package dev.perpflow.exchange.book;

import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A book kept from a snapshot plus incremental level updates, where an update sets a level's quantity and zero
 * removes it (the diff-depth model of Binance/Aster and Backpack). It only holds levels and the last applied
 * update id; the venue's sequencing rules (what follows what, when to resync) belong to the venue's stream code.
 * Not thread-safe: one stream thread owns it.
 */
public final class LocalOrderBook {

    private final String venue;
    private final String symbol;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private long lastUpdateId = -1;
    private Instant updatedAt = Instant.EPOCH;

    public LocalOrderBook(String venue, String symbol) {
        this.venue = venue;
        this.symbol = symbol;
    }

    /** Replaces the whole book. */
    public void reset(List<PriceLevel> bidLevels, List<PriceLevel> askLevels, long updateId, Instant at) {
        bids.clear();
        asks.clear();
        apply(bidLevels, askLevels, updateId, at);
    }

    /** Applies level updates (quantity zero removes the level) and records {@code updateId} as the last applied. */
    public void apply(List<PriceLevel> bidLevels, List<PriceLevel> askLevels, long updateId, Instant at) {
        set(bids, bidLevels);
        set(asks, askLevels);
        lastUpdateId = updateId;
        updatedAt = at;
    }

    /** Forgets everything; {@link #isSynced()} is false until the next {@link #reset}. */
    public void clear() {
        bids.clear();
        asks.clear();
        lastUpdateId = -1;
    }

    public boolean isSynced() {
        return lastUpdateId >= 0;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** True when the best bid is at or above the best ask: the book is corrupt and must be resynced. */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }

    /** The best {@code depth} levels per side. */
    public OrderBook snapshot(int depth) {
        return new OrderBook(venue, symbol, top(bids, depth), top(asks, depth), lastUpdateId, updatedAt);
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            if (level.quantity().signum() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.quantity());
            }
        }
    }

    private static List<PriceLevel> top(TreeMap<BigDecimal, BigDecimal> side, int depth) {
        List<PriceLevel> levels = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> entry : side.entrySet()) {
            if (levels.size() == depth) {
                break;
            }
            levels.add(new PriceLevel(entry.getKey(), entry.getValue()));
        }
        return levels;
    }
}

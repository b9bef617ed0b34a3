package dev.perpflow.exchange.book;

import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prices a local book holds on each side, for venues whose book stream mixes messages that carry the whole top of
 * the book with messages that carry changes ({@link DiffBookStream} applies levels, it never drops unlisted ones): a
 * whole-book message becomes its own levels plus a removal (size 0) for every price held before and no longer listed.
 * Thread-safe.
 */
public final class SeenLevels {

    /** Bid and ask levels to apply. */
    public record Sides(List<PriceLevel> bids, List<PriceLevel> asks) {
    }

    private final Set<BigDecimal> bids = new HashSet<>();
    private final Set<BigDecimal> asks = new HashSet<>();

    /** A REST snapshot: the prices held from now on. */
    public synchronized void reset(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        bids.clear();
        asks.clear();
        note(bidLevels, bids);
        note(askLevels, asks);
    }

    /** A whole-book message: its levels, plus a removal of each price held before that it no longer lists. */
    public synchronized Sides replace(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        return new Sides(replace(bidLevels, bids), replace(askLevels, asks));
    }

    /** A change message: prices with a size are held, prices of size 0 are not. */
    public synchronized void note(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        note(bidLevels, bids);
        note(askLevels, asks);
    }

    private static List<PriceLevel> replace(List<PriceLevel> levels, Set<BigDecimal> held) {
        Set<BigDecimal> stale = new HashSet<>(held);
        held.clear();
        List<PriceLevel> out = new ArrayList<>(levels);
        for (PriceLevel level : levels) {
            stale.remove(level.price());
            if (level.quantity().signum() != 0) {
                held.add(level.price());
            }
        }
        stale.forEach(price -> out.add(new PriceLevel(price, BigDecimal.ZERO)));
        return out;
    }

    private static void note(List<PriceLevel> levels, Set<BigDecimal> held) {
        for (PriceLevel level : levels) {
            if (level.quantity().signum() == 0) {
                held.remove(level.price());
            } else {
                held.add(level.price());
            }
        }
    }
}

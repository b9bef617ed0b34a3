package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Bbo;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The seed's break-even price alignment of the two entry legs ({@code BreakEvenPriceAligner}): with the venues' mid
 * prices within {@value #THRESHOLD_TEXT} of each other, the long buys a quarter of the mid spread under the lower
 * mid and the short sells as much above it, so the pair opens at no worse than break-even on price; each price is
 * kept on its own side of the book (post-only: a long at or under the bid, a short at or over the ask, moved by the
 * limit offset when it would cross). With mids further apart, or prices that would not leave the long under the short,
 * it falls back to the touch (long at the ask, short at the bid).
 */
public final class BreakEvenAlignment {

    static final String THRESHOLD_TEXT = "0.5 %";

    /** How the prices were found: the seed's strategy labels. */
    public enum Strategy { ALIGNED, POST_ONLY_ADJUSTED, BBO_FALLBACK }

    /** The entry limit prices and how they were found. */
    public record Prices(BigDecimal longPrice, BigDecimal shortPrice, Strategy strategy) {
    }

    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    private BreakEvenAlignment() {
    }

    public static Prices align(Bbo longBbo, Bbo shortBbo, BigDecimal offsetPct) {
        BigDecimal longMid = longBbo.mid();
        BigDecimal shortMid = shortBbo.mid();
        BigDecimal low = longMid.min(shortMid);
        BigDecimal spread = longMid.max(shortMid).subtract(low).divide(low, MathContext.DECIMAL64);
        if (spread.compareTo(FundingArbConfig.ALIGNMENT_SPREAD_THRESHOLD) > 0) {
            return fallback(longBbo, shortBbo);
        }
        BigDecimal offset = longMid.max(shortMid).subtract(low).multiply(QUARTER);
        BigDecimal longPrice = low.subtract(offset);
        BigDecimal shortPrice = low.add(offset);
        Strategy strategy = Strategy.ALIGNED;
        if (longPrice.compareTo(longBbo.bid()) > 0) {
            longPrice = longBbo.bid().multiply(BigDecimal.ONE.subtract(offsetPct));
            strategy = Strategy.POST_ONLY_ADJUSTED;
        }
        if (shortPrice.compareTo(shortBbo.ask()) < 0) {
            shortPrice = shortBbo.ask().multiply(BigDecimal.ONE.add(offsetPct));
            strategy = Strategy.POST_ONLY_ADJUSTED;
        }
        if (longPrice.compareTo(shortPrice) >= 0) {
            return fallback(longBbo, shortBbo);
        }
        return new Prices(longPrice, shortPrice, strategy);
    }

    private static Prices fallback(Bbo longBbo, Bbo shortBbo) {
        return new Prices(longBbo.ask(), shortBbo.bid(), Strategy.BBO_FALLBACK);
    }
}

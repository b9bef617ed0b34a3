package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leg of an arbitrage position as this run holds it, with the venue's latest view of it.
 *
 * @param tokens      held, in tokens of the underlying (venue units × quantity multiplier), unsigned
 * @param entryPrice  average entry price per venue unit
 * @param fees        fees paid on this leg so far (entry and, once closed, exit)
 * @param snapshot    the venue's position when last monitored, or {@code null} before the first check
 */
public record ArbLeg(String venue, Side side, BigDecimal tokens, BigDecimal entryPrice, BigDecimal fees,
        Position snapshot) {

    public ArbLeg {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(tokens, "tokens");
        entryPrice = entryPrice == null ? BigDecimal.ZERO : entryPrice;
        fees = fees == null ? BigDecimal.ZERO : fees;
    }

    public ArbLeg withSnapshot(Position position) {
        return new ArbLeg(venue, side, tokens, entryPrice, fees, position);
    }

    /** Adds a tranche bought at {@code price}: tokens add up, the entry price is the size-weighted average. */
    public ArbLeg merge(BigDecimal addedTokens, BigDecimal price, BigDecimal addedFees) {
        BigDecimal total = tokens.add(addedTokens);
        BigDecimal average = total.signum() == 0 ? price : entryPrice.multiply(tokens).add(price.multiply(addedTokens))
                .divide(total, java.math.MathContext.DECIMAL64);
        return new ArbLeg(venue, side, total, average, fees.add(addedFees), snapshot);
    }

    public ArbLeg withFees(BigDecimal totalFees) {
        return new ArbLeg(venue, side, tokens, entryPrice, totalFees, snapshot);
    }
}

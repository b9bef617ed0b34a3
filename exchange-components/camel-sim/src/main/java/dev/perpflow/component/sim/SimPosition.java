package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/** A simulated position: signed quantity, average entry, leverage and funding; applies fills and realizes PnL. */
final class SimPosition {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final String symbol;
    private final BigDecimal multiplier;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private BigDecimal fundingAccrued = BigDecimal.ZERO;
    private int leverage;

    SimPosition(String symbol, BigDecimal multiplier, int leverage) {
        this.symbol = symbol;
        this.multiplier = multiplier;
        this.leverage = leverage;
    }

    BigDecimal quantity() {
        return quantity;
    }

    BigDecimal entryPrice() {
        return entryPrice;
    }

    int leverage() {
        return leverage;
    }

    void setLeverage(int leverage) {
        this.leverage = leverage;
    }

    /** Applies a fill; returns the PnL it realized (closing part only). */
    BigDecimal apply(Side side, BigDecimal fillQuantity, BigDecimal price) {
        BigDecimal signed = fillQuantity.multiply(side.sign());
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            BigDecimal total = quantity.abs().add(fillQuantity);
            entryPrice = quantity.abs().multiply(entryPrice).add(fillQuantity.multiply(price)).divide(total, MC);
            quantity = quantity.add(signed);
            return BigDecimal.ZERO;
        }
        BigDecimal closing = fillQuantity.min(quantity.abs());
        BigDecimal realized = closing.multiply(price.subtract(entryPrice)).multiply(BigDecimal.valueOf(quantity.signum()))
                .multiply(multiplier);
        quantity = quantity.add(signed);
        if (quantity.signum() == 0) {
            entryPrice = BigDecimal.ZERO;
            fundingAccrued = BigDecimal.ZERO;
        } else if (quantity.signum() == signed.signum()) {
            entryPrice = price; // flipped through zero: the remainder opened at this price
            fundingAccrued = BigDecimal.ZERO;
        }
        return realized;
    }

    void addFunding(BigDecimal amount) {
        fundingAccrued = fundingAccrued.add(amount);
    }

    BigDecimal unrealizedPnl(BigDecimal mark) {
        return quantity.multiply(mark.subtract(entryPrice)).multiply(multiplier);
    }

    BigDecimal margin() {
        return quantity.abs().multiply(entryPrice).multiply(multiplier)
                .divide(BigDecimal.valueOf(leverage), MC);
    }

    /** Isolated-margin estimate: long entry×(1 − 1/lev + mmr), short entry×(1 + 1/lev − mmr). */
    BigDecimal liquidationPrice(BigDecimal maintenanceMarginRate) {
        if (quantity.signum() == 0) {
            return null;
        }
        BigDecimal inverse = BigDecimal.ONE.divide(BigDecimal.valueOf(leverage), MC);
        BigDecimal factor = quantity.signum() > 0
                ? BigDecimal.ONE.subtract(inverse).add(maintenanceMarginRate)
                : BigDecimal.ONE.add(inverse).subtract(maintenanceMarginRate);
        return entryPrice.multiply(factor).setScale(entryPrice.scale() + 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    Position toPosition(String venue, BigDecimal mark, BigDecimal maintenanceMarginRate, Instant at) {
        return new Position(venue, symbol, quantity, entryPrice, mark, liquidationPrice(maintenanceMarginRate),
                unrealizedPnl(mark), fundingAccrued, margin(), BigDecimal.valueOf(leverage), at);
    }
}

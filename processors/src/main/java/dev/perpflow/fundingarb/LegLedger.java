package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One leg of a position as the venue's fills tell it: what this position's own orders (found by their client order
 * id prefixes) opened and closed, at what cost and fees, plus the fills on the leg's market this run did not send
 * (a liquidation, a close by hand) that reduced it. Pure: a unit test gives it fills and reads numbers.
 *
 * <p>The realized PnL counts matched quantity only: tokens opened and never seen closed are left out of both sides
 * (and {@link #complete()} says so), never booked as if they had been given away.
 */
record LegLedger(Side side, BigDecimal opened, BigDecimal openValue, BigDecimal closed, BigDecimal closeValue,
        BigDecimal fees, int ownFills, BigDecimal closedOutside, BigDecimal closedOutsideValue,
        BigDecimal closedOutsideFees, List<String> openingOrders) {

    static final BigDecimal DUST = new BigDecimal("0.0001");

    /**
     * @param fills    the venue's fills of the account since shortly before the position opened
     * @param prefixes client-order-id prefixes of the position's orders
     * @param held     tokens the venue holds now on the leg's side ({@code null} when not known): own tokens the
     *                 venue no longer holds are matched against fills this run did not send
     */
    static LegLedger of(List<Fill> fills, Instrument market, String symbol, List<String> prefixes, Side side,
            Instant openedAt, BigDecimal held) {
        BigDecimal opened = BigDecimal.ZERO;
        BigDecimal openValue = BigDecimal.ZERO;
        BigDecimal closed = BigDecimal.ZERO;
        BigDecimal closeValue = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        int own = 0;
        List<String> openingOrders = new ArrayList<>();
        List<Fill> external = new ArrayList<>();
        for (Fill fill : fills) {
            if (!fill.symbol().equals(symbol)) {
                continue;
            }
            boolean ours = fill.clientOrderId() != null && prefixes.stream().anyMatch(fill.clientOrderId()::startsWith);
            if (!ours) {
                if (fill.side() != side && !fill.timestamp().isBefore(openedAt)
                        && (fill.clientOrderId() == null || !fill.clientOrderId().startsWith("fa-"))) {
                    external.add(fill);
                }
                continue;
            }
            own++;
            BigDecimal tokens = market.toTokens(fill.quantity());
            BigDecimal value = tokens.multiply(fill.price());
            if (fill.side() == side) {
                opened = opened.add(tokens);
                openValue = openValue.add(value);
                if (!openingOrders.contains(fill.clientOrderId())) {
                    openingOrders.add(fill.clientOrderId());
                }
            } else {
                closed = closed.add(tokens);
                closeValue = closeValue.add(value);
            }
            fees = fees.add(fill.fee() == null ? BigDecimal.ZERO : fill.fee());
        }
        // own tokens the venue no longer holds left through fills this run did not send
        BigDecimal gone = opened.subtract(closed).subtract(held == null ? opened.subtract(closed) : held)
                .max(BigDecimal.ZERO);
        BigDecimal outside = BigDecimal.ZERO;
        BigDecimal outsideValue = BigDecimal.ZERO;
        BigDecimal outsideFees = BigDecimal.ZERO;
        for (Fill fill : external) {
            BigDecimal left = gone.subtract(outside);
            if (left.compareTo(DUST) <= 0) {
                break;
            }
            BigDecimal fillTokens = market.toTokens(fill.quantity());
            BigDecimal tokens = fillTokens.min(left);
            outside = outside.add(tokens);
            outsideValue = outsideValue.add(tokens.multiply(fill.price()));
            if (fill.fee() != null && fillTokens.signum() > 0) {
                outsideFees = outsideFees.add(fill.fee().multiply(tokens).divide(fillTokens, MathContext.DECIMAL64));
            }
        }
        return new LegLedger(side, opened, openValue, closed, closeValue, fees, own, outside, outsideValue,
                outsideFees, List.copyOf(openingOrders));
    }

    /** Tokens this position's own orders hold on the leg (opened minus closed by them), never negative. */
    BigDecimal ownNet() {
        return opened.subtract(closed).max(BigDecimal.ZERO);
    }

    /** Tokens opened and closed, counting closes this run did not send. */
    BigDecimal matched() {
        return opened.min(closed.add(closedOutside));
    }

    /** Whether every opened token was seen closed (by this run or outside it). */
    boolean complete() {
        return opened.subtract(closed).subtract(closedOutside).abs().compareTo(DUST) <= 0;
    }

    BigDecimal totalFees() {
        return fees.add(closedOutsideFees);
    }

    /** Realized PnL of the matched tokens at the average open and close prices, minus every fee, in quote. */
    BigDecimal realizedPnl() {
        BigDecimal matched = matched();
        if (matched.signum() == 0) {
            return totalFees().negate();
        }
        BigDecimal allClosed = closed.add(closedOutside);
        BigDecimal averageOpen = openValue.divide(opened, MathContext.DECIMAL64);
        BigDecimal averageClose = closeValue.add(closedOutsideValue).divide(allClosed, MathContext.DECIMAL64);
        BigDecimal perToken = side == Side.BUY ? averageClose.subtract(averageOpen) : averageOpen.subtract(averageClose);
        return perToken.multiply(matched).subtract(totalFees());
    }

    /** Average entry price of what was opened, or {@code null} when nothing was. */
    BigDecimal averageOpenPrice() {
        return opened.signum() == 0 ? null : openValue.divide(opened, MathContext.DECIMAL64);
    }
}

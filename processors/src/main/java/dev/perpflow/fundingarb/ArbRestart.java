package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Order;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutionRequest;
import dev.perpflow.execution.ExecutionResult;
import dev.perpflow.execution.Futures;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles positions whose entry was interrupted (a crash or an error between persisting the intent and the legs
 * being hedged): working entry orders are cancelled, then what the position's own orders hold at the venues decides
 * (its fills, never the venue's whole position: another run, a grid or a manual trade on the same market is not
 * this position's) — nothing → FAILED; both legs matched → OPEN; one leg or mismatched legs → hedged or closed as
 * the config says. A position is FAILED only once its own holdings are confirmed flat; otherwise it stays CLOSING
 * and the run keeps closing it. Nothing is decided on a failed position report.
 */
final class ArbRestart {

    private static final Logger LOG = LoggerFactory.getLogger(ArbRestart.class);
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final Duration REPAIR_TIMEOUT = Duration.ofMinutes(2);

    private final ArbRun run;

    ArbRestart(ArbRun run) {
        this.run = run;
    }

    /** Settles one OPENING position; {@code others} are the run's other active positions (sharing venue positions). */
    ArbPosition settle(ArbPosition position, List<ArbPosition> others) {
        cancelWorkingEntryOrders(position);
        BigDecimal longTokens = own(position, position.longLeg());
        BigDecimal shortTokens = own(position, position.shortLeg());
        LOG.info("[{}] settling interrupted entry {} {}: venues hold {} long on {}, {} short on {}", run.id,
                position.id(), position.symbol(), longTokens.toPlainString(), position.longDex(),
                shortTokens.toPlainString(), position.shortDex());
        if (longTokens.signum() == 0 && shortTokens.signum() == 0) {
            ArbPosition failed = position.failed("entry interrupted before any fill", run.clock.instant());
            run.store.save(failed);
            return failed;
        }
        if (matched(longTokens, shortTokens)) {
            ArbPosition open = adopt(position, longTokens, shortTokens);
            run.emit("entry_recovered", ArbEvent.Level.WARNING, position.symbol(), position.symbol()
                    + " entry was interrupted; both legs are held and the position is open", Map.of("position_id", position.id()));
            return open;
        }
        return run.config().nakedLegAction() == FundingArbConfig.NakedLegAction.HEDGE
                ? hedge(position, longTokens, shortTokens, others)
                : flatten(position, longTokens, shortTokens);
    }

    private ArbPosition hedge(ArbPosition position, BigDecimal longTokens, BigDecimal shortTokens,
            List<ArbPosition> others) {
        ArbPosition attempt = position.closing(ExitReasons.NAKED_LEG).with(ArbPosition.Status.OPENING);
        run.store.save(attempt);
        boolean longShort = longTokens.compareTo(shortTokens) < 0;
        ArbLeg missing = longShort ? position.longLeg() : position.shortLeg();
        BigDecimal gap = longTokens.subtract(shortTokens).abs();
        Instrument market = run.requireInstrument(missing.venue(), position.symbol());
        BigDecimal quantity = market.roundQuantityDown(market.fromTokens(gap));
        if (quantity.signum() > 0) {
            ExecutionResult result = Futures.await(run.executor.execute(new ExecutionRequest(missing.venue(), market,
                    missing.side(), quantity, false, ExecutionMode.AGGRESSIVE_LIMIT,
                    attempt.closeIdPrefix(attempt.closeAttempts()) + "h", "hedge", true)), REPAIR_TIMEOUT);
            LOG.info("[{}] hedged {} on {}: {} filled", run.id, position.symbol(), missing.venue(),
                    result.filledQuantity().toPlainString());
        }
        BigDecimal nowLong = own(attempt, attempt.longLeg());
        BigDecimal nowShort = own(attempt, attempt.shortLeg());
        if (matched(nowLong, nowShort)) {
            run.emit("naked_leg_hedged", ArbEvent.Level.WARNING, position.symbol(), position.symbol()
                    + " had one leg after a restart; the other leg was opened to hedge it", Map.of("position_id", position.id()));
            return adopt(attempt, nowLong, nowShort);
        }
        return flatten(attempt, nowLong, nowShort);
    }

    private ArbPosition flatten(ArbPosition position, BigDecimal longTokens, BigDecimal shortTokens) {
        ArbPosition attempt = position.closing(ExitReasons.NAKED_LEG).with(ArbPosition.Status.OPENING);
        run.store.save(attempt);
        String prefix = attempt.closeIdPrefix(attempt.closeAttempts());
        reduce(attempt.longLeg(), attempt, Side.SELL, longTokens, prefix + "l");
        reduce(attempt.shortLeg(), attempt, Side.BUY, shortTokens, prefix + "s");
        BigDecimal leftLong = own(attempt, attempt.longLeg());
        BigDecimal leftShort = own(attempt, attempt.shortLeg());
        if (leftLong.compareTo(LegLedger.DUST) > 0 || leftShort.compareTo(LegLedger.DUST) > 0) {
            // still held: tracked as a naked leg the run keeps closing (and monitoring) until flat
            ArbPosition naked = attempt.withLegs(
                    new ArbLeg(attempt.longDex(), Side.BUY, leftLong, attempt.longLeg().entryPrice(),
                            attempt.longLeg().fees(), null),
                    new ArbLeg(attempt.shortDex(), Side.SELL, leftShort, attempt.shortLeg().entryPrice(),
                            attempt.shortLeg().fees(), null), attempt.sizeUsd())
                    .with(ArbPosition.Status.CLOSING);
            run.store.save(naked);
            run.emit(ArbEvent.NAKED_LEG, ArbEvent.Level.ERROR, position.symbol(), position.symbol()
                    + " had unmatched legs after an interrupted entry and could not be closed yet ("
                    + leftLong.toPlainString() + " long / " + leftShort.toPlainString() + " short held); retrying",
                    Map.of("position_id", position.id()));
            return naked;
        }
        ArbPosition failed = attempt.failed("entry interrupted with unmatched legs (" + longTokens.toPlainString()
                + " long / " + shortTokens.toPlainString() + " short); legs closed", run.clock.instant());
        run.store.save(failed);
        run.emit("naked_leg_closed", ArbEvent.Level.WARNING, position.symbol(), position.symbol()
                + " had unmatched legs after an interrupted entry; they were closed", Map.of("position_id", position.id()));
        return failed;
    }

    private void reduce(ArbLeg leg, ArbPosition position, Side side, BigDecimal tokens, String prefix) {
        if (tokens.signum() <= 0) {
            return;
        }
        Instrument market = run.requireInstrument(leg.venue(), position.symbol());
        BigDecimal quantity = market.roundQuantityDown(market.fromTokens(tokens));
        if (quantity.signum() > 0) {
            Futures.await(run.executor.execute(ExecutionRequest.protective(leg.venue(), market, side, quantity,
                    ExecutionMode.MARKET, prefix, "close")), REPAIR_TIMEOUT);
        }
    }

    private ArbPosition adopt(ArbPosition position, BigDecimal longTokens, BigDecimal shortTokens) {
        List<Position> longPositions = run.positions(position.longDex());
        List<Position> shortPositions = run.positions(position.shortDex());
        Position longView = run.held(position.longDex(), position.symbol(), longPositions).position();
        Position shortView = run.held(position.shortDex(), position.symbol(), shortPositions).position();
        BigDecimal tokens = longTokens.min(shortTokens);
        ArbLeg longLeg = new ArbLeg(position.longDex(), Side.BUY, tokens, longView == null ? null : longView.entryPrice(),
                null, longView);
        ArbLeg shortLeg = new ArbLeg(position.shortDex(), Side.SELL, tokens,
                shortView == null ? null : shortView.entryPrice(), null, shortView);
        BigDecimal price = longLeg.entryPrice().signum() > 0 ? longLeg.entryPrice() : shortLeg.entryPrice();
        BigDecimal size = tokens.multiply(price);
        // funding is tracked as changes since the legs' snapshots, so what they accrued before adoption is booked here
        BigDecimal accrued = accrued(longView).add(accrued(shortView));
        ArbPosition open = position.withLegs(longLeg, shortLeg, size).with(ArbPosition.Status.OPEN)
                .monitored(position.currentDivergence(), position.cumulativeFunding().add(accrued), position.lastCheck());
        run.store.save(open);
        return open;
    }

    private static BigDecimal accrued(Position view) {
        return view == null || view.fundingAccrued() == null ? BigDecimal.ZERO : view.fundingAccrued();
    }

    private void cancelWorkingEntryOrders(ArbPosition position) {
        for (String venue : List.of(position.longDex(), position.shortDex())) {
            List<Order> open = Futures.await(run.venue(venue).openOrders(position.symbol()), ArbRun.CALL_TIMEOUT);
            for (Order order : open) {
                if (order.clientOrderId() != null && order.clientOrderId().startsWith("fa-" + position.id() + "-")) {
                    Futures.await(run.gateway.cancel(venue, position.symbol(), order.clientOrderId()), ArbRun.CALL_TIMEOUT);
                }
            }
        }
    }

    /** Tokens this position's own orders hold on the leg that the venue still holds on the leg's side. */
    private BigDecimal own(ArbPosition position, ArbLeg leg) {
        ArbRun.Held held = run.held(leg.venue(), position.symbol(), run.positions(leg.venue()));
        int expectedSign = leg.side() == Side.BUY ? 1 : -1;
        if (held.sign() != expectedSign) {
            return BigDecimal.ZERO;
        }
        return held.tokens().min(run.ledger(position, leg, held.tokens()).ownNet());
    }

    private static boolean matched(BigDecimal a, BigDecimal b) {
        BigDecimal max = a.max(b);
        if (max.signum() == 0 || a.signum() == 0 || b.signum() == 0) {
            return false;
        }
        return max.subtract(a.min(b)).divide(max, MathContext.DECIMAL64).compareTo(TOLERANCE) <= 0;
    }
}

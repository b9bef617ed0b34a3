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
 * being hedged): working entry orders are cancelled, then what the venues hold for the position decides —
 * nothing → FAILED; both legs matched → OPEN; one leg or mismatched legs → hedged or closed as the config says.
 * Nothing is decided on a failed position report.
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
        BigDecimal longTokens = extra(position, position.longLeg(), others);
        BigDecimal shortTokens = extra(position, position.shortLeg(), others);
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
        BigDecimal nowLong = extra(attempt, attempt.longLeg(), others);
        BigDecimal nowShort = extra(attempt, attempt.shortLeg(), others);
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
            Futures.await(run.executor.execute(new ExecutionRequest(leg.venue(), market, side, quantity, true,
                    ExecutionMode.MARKET, prefix, "close", true)), REPAIR_TIMEOUT);
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

    /** Tokens the venue holds on the leg's side beyond what the run's other positions account for. */
    private BigDecimal extra(ArbPosition position, ArbLeg leg, List<ArbPosition> others) {
        ArbRun.Held held = run.held(leg.venue(), position.symbol(), run.positions(leg.venue()));
        int expectedSign = leg.side() == Side.BUY ? 1 : -1;
        if (held.sign() != expectedSign) {
            return BigDecimal.ZERO;
        }
        BigDecimal accounted = others.stream().filter(o -> !o.id().equals(position.id()) && o.symbol().equals(position.symbol())
                        && o.status() != ArbPosition.Status.OPENING && o.status() != ArbPosition.Status.MERGED)
                .flatMap(o -> java.util.stream.Stream.of(o.longLeg(), o.shortLeg()))
                .filter(l -> l.venue().equals(leg.venue()) && l.side() == leg.side())
                .map(ArbLeg::tokens).reduce(BigDecimal.ZERO, BigDecimal::add);
        return held.tokens().subtract(accounted).max(BigDecimal.ZERO);
    }

    private static boolean matched(BigDecimal a, BigDecimal b) {
        BigDecimal max = a.max(b);
        if (max.signum() == 0 || a.signum() == 0 || b.signum() == 0) {
            return false;
        }
        return max.subtract(a.min(b)).divide(max, MathContext.DECIMAL64).compareTo(TOLERANCE) <= 0;
    }
}

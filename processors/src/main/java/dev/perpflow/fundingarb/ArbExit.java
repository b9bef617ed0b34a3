package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicResult;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutionRequest;
import dev.perpflow.execution.ExecutionResult;
import dev.perpflow.execution.Futures;
import dev.perpflow.execution.LegSpec;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitoring and exits: refreshes each open position from the venues (legs, divergence, funding), runs the
 * {@link ExitEvaluator}, waits up to 10 minutes for a break-even exit, defers non-urgent exits through a wide
 * spread, and closes both legs through the atomic executor (one leg alone with a single reduce-only order),
 * then sweeps any residual at market and books the realized PnL with funding and every fee.
 */
final class ArbExit {

    private static final Logger LOG = LoggerFactory.getLogger(ArbExit.class);
    private static final BigDecimal DUST_TOKENS = new BigDecimal("0.0001");
    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(5);

    /** The answer to a close request. */
    record CloseOutcome(boolean closed, boolean wideSpreadWarning, BigDecimal spread, String message,
            ArbPosition position) {
    }

    private final ArbRun run;

    ArbExit(ArbRun run) {
        this.run = run;
    }

    /** One monitoring pass over one open position. */
    ArbPosition monitor(ArbPosition position, Map<String, List<Position>> positionsByVenue) {
        ArbRun.Held longHeld = run.held(position.longDex(), position.symbol(), positionsByVenue.get(position.longDex()));
        ArbRun.Held shortHeld = run.held(position.shortDex(), position.symbol(), positionsByVenue.get(position.shortDex()));
        BigDecimal longRate = run.funding.rate8h(position.longDex(), position.symbol()).orElse(position.entryLongRate());
        BigDecimal shortRate = run.funding.rate8h(position.shortDex(), position.symbol()).orElse(position.entryShortRate());
        BigDecimal funding = currentFunding(position, longHeld, shortHeld);
        Instant now = run.clock.instant();
        BigDecimal previous = position.cumulativeFunding();
        ArbPosition monitored = position.withLegs(position.longLeg().withSnapshot(longHeld.position()),
                        position.shortLeg().withSnapshot(shortHeld.position()), position.sizeUsd())
                .monitored(shortRate.subtract(longRate), funding, now);
        if (funding.compareTo(previous) != 0) {
            run.store.recordFundingPayment(position.id(), now, fundingChange(position.longLeg(), longHeld),
                    fundingChange(position.shortLeg(), shortHeld), longRate, shortRate);
        }
        run.store.save(monitored);
        ExitVerdict verdict = new ExitEvaluator(run.config()).evaluate(monitored,
                attributable(monitored.longLeg(), longHeld), attributable(monitored.shortLeg(), shortHeld), now,
                () -> stillTop(monitored));
        ArbPosition current = monitored;
        if (verdict.reason() != null && verdict.reason().startsWith("LIQUIDATION_RISK_")) {
            notifyLiquidationRisk(current, verdict.reason());
        }
        if (!verdict.close()) {
            if (current.exitPolling() != null) {
                LOG.info("[{}] {} exit conditions no longer hold; polling cancelled", run.id, current.symbol());
                current = current.withExitPolling(null);
                run.store.save(current);
            }
            return current;
        }
        if (verdict.immediate()) {
            return close(current, verdict.reason(), verdict.type(), true).position();
        }
        return pollForExit(current, verdict.reason());
    }

    /** The seed's exit polling: close at break-even, or at the deadline with {@code _TIMEOUT}; never into a wide spread. */
    private ArbPosition pollForExit(ArbPosition position, String reason) {
        Instant now = run.clock.instant();
        ArbPosition.ExitPolling polling = position.exitPolling();
        if (polling != null && Duration.between(polling.startedAt(), now).compareTo(FundingArbConfig.EXIT_POLLING_MAX) >= 0) {
            return close(position, ExitReasons.timeout(polling.reason()), CloseType.LIMIT, false).position();
        }
        BigDecimal spread = widestSpread(position);
        if (spread.compareTo(FundingArbConfig.MAX_EXIT_SPREAD) > 0) {
            run.emit("exit_deferred", ArbEvent.Level.WARNING, position.symbol(), position.symbol() + " exit ("
                    + reason + ") deferred: spread " + ArbEntry.percent(spread) + " % > 2 %", Map.of("position_id",
                    position.id(), "spread", spread));
            return position;
        }
        if (isBreakEven(position)) {
            return close(position, polling != null ? polling.reason() : reason, CloseType.LIMIT, false).position();
        }
        if (polling == null) {
            LOG.info("[{}] {} should close ({}); waiting up to 10 min for break-even", run.id, position.symbol(), reason);
            ArbPosition waiting = position.withExitPolling(new ArbPosition.ExitPolling(now, reason));
            run.store.save(waiting);
            return waiting;
        }
        return position;
    }

    /**
     * Closes a position: the attempt is persisted before any order, both legs are closed reduce-only (atomically
     * when both are held), a residual is swept at market, and PnL is booked once the legs are flat.
     *
     * @param checkedSpread whether the caller already handled wide spreads (manual closes confirm them first)
     */
    CloseOutcome close(ArbPosition position, String reason, CloseType type, boolean checkedSpread) {
        boolean critical = ExitReasons.isCritical(reason);
        if (!checkedSpread && !critical && !ExitReasons.isManual(reason)) {
            BigDecimal spread = widestSpread(position);
            if (spread.compareTo(FundingArbConfig.MAX_EXIT_SPREAD) > 0) {
                return new CloseOutcome(false, true, spread, "wide spread " + ArbEntry.percent(spread) + " %", position);
            }
        }
        ArbPosition closing = position.closing(reason);
        run.store.save(closing);
        int attempt = closing.closeAttempts();
        Map<String, List<Position>> venuePositions = positionsOf(closing);
        ArbRun.Held longHeld = run.held(closing.longDex(), closing.symbol(), venuePositions.get(closing.longDex()));
        ArbRun.Held shortHeld = run.held(closing.shortDex(), closing.symbol(), venuePositions.get(closing.shortDex()));
        BigDecimal longTokens = attributable(closing.longLeg(), longHeld);
        BigDecimal shortTokens = attributable(closing.shortLeg(), shortHeld);
        if (longHeld.position() != null || shortHeld.position() != null) {
            // funding settled since the last monitoring pass belongs to this position's result
            BigDecimal funding = currentFunding(closing, longHeld, shortHeld);
            closing = closing.monitored(closing.currentDivergence(), funding,
                    run.clock.instant()).withLegs(closing.longLeg().withSnapshot(longHeld.position()),
                    closing.shortLeg().withSnapshot(shortHeld.position()), closing.sizeUsd());
            run.store.save(closing);
        }
        ExecutionMode mode = switch (type) {
            case MARKET -> ExecutionMode.MARKET;
            case LIMIT -> ExecutionMode.SIMPLE_LIMIT;
            case DEFAULT -> critical ? ExecutionMode.MARKET : ExecutionMode.SIMPLE_LIMIT;
        };
        LOG.info("[{}] closing {} ({}), attempt {}: {} long on {}, {} short on {}", run.id, closing.symbol(), reason,
                attempt, longTokens.toPlainString(), closing.longDex(), shortTokens.toPlainString(), closing.shortDex());
        List<ExecutionResult> longExits = new ArrayList<>();
        List<ExecutionResult> shortExits = new ArrayList<>();
        String prefix = closing.closeIdPrefix(attempt);
        if (longTokens.signum() > 0 && shortTokens.signum() > 0) {
            AtomicResult result = Futures.await(run.atomic.execute(List.of(
                    new LegSpec(closing.longDex(), market(closing.longDex(), closing), Side.SELL, mode, prefix + "l"),
                    new LegSpec(closing.shortDex(), market(closing.shortDex(), closing), Side.BUY, mode, prefix + "s")),
                    longTokens.min(shortTokens), true), CLOSE_TIMEOUT);
            longExits.add(result.legs().get(0));
            shortExits.add(result.legs().get(1));
        } else if (longTokens.signum() > 0) {
            longExits.add(single(closing.longDex(), closing, Side.SELL, longTokens, critical, prefix + "l"));
        } else if (shortTokens.signum() > 0) {
            shortExits.add(single(closing.shortDex(), closing, Side.BUY, shortTokens, critical, prefix + "s"));
        }
        // residual cleanup: whatever is still held is closed at market
        venuePositions = positionsOf(closing);
        BigDecimal longLeft = attributable(closing.longLeg(), run.held(closing.longDex(), closing.symbol(),
                venuePositions.get(closing.longDex())));
        BigDecimal shortLeft = attributable(closing.shortLeg(), run.held(closing.shortDex(), closing.symbol(),
                venuePositions.get(closing.shortDex())));
        if (longLeft.compareTo(DUST_TOKENS) > 0) {
            longExits.add(residual(closing.longDex(), closing, Side.SELL, longLeft, prefix + "lr"));
        }
        if (shortLeft.compareTo(DUST_TOKENS) > 0) {
            shortExits.add(residual(closing.shortDex(), closing, Side.BUY, shortLeft, prefix + "sr"));
        }
        venuePositions = positionsOf(closing);
        longLeft = attributable(closing.longLeg(), run.held(closing.longDex(), closing.symbol(), venuePositions.get(closing.longDex())));
        shortLeft = attributable(closing.shortLeg(), run.held(closing.shortDex(), closing.symbol(), venuePositions.get(closing.shortDex())));
        recordExitTrades(closing, longExits, shortExits);
        if (longLeft.compareTo(DUST_TOKENS) > 0 || shortLeft.compareTo(DUST_TOKENS) > 0) {
            run.emit("close_incomplete", ArbEvent.Level.ERROR, closing.symbol(), closing.symbol() + " close (" + reason
                    + ") left " + longLeft.toPlainString() + " long / " + shortLeft.toPlainString()
                    + " short; retrying next cycle", Map.of("position_id", closing.id()));
            return new CloseOutcome(false, false, BigDecimal.ZERO, "close incomplete; retrying", closing);
        }
        return new CloseOutcome(true, false, BigDecimal.ZERO, "closed", booked(closing, reason, longExits, shortExits));
    }

    /**
     * Books the realized PnL from the venues' own fills of this position (entry, hedges, closes and residuals, found
     * by the position's client-order-id prefix): per leg, sells minus buys minus fees; plus the funding received.
     */
    private ArbPosition booked(ArbPosition position, String reason, List<ExecutionResult> longExits,
            List<ExecutionResult> shortExits) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("fa-" + position.id() + "-");
        run.store.trancheIds(position.id()).forEach(id -> prefixes.add("fa-" + id + "-"));
        LegResult longResult = legResult(position.longLeg(), position, prefixes);
        LegResult shortResult = legResult(position.shortLeg(), position, prefixes);
        Map<String, Object> legPnl = new LinkedHashMap<>();
        legPnl.put(position.longDex(), longResult.pnl());
        legPnl.put(position.shortDex(), shortResult.pnl());
        ArbPosition withFees = position.withLegs(position.longLeg().withFees(longResult.fees()),
                position.shortLeg().withFees(shortResult.fees()), position.sizeUsd());
        BigDecimal pnl = longResult.pnl().add(shortResult.pnl()).add(position.cumulativeFunding());
        Instant now = run.clock.instant();
        ArbPosition closed = withFees.closed(reason, pnl, now);
        run.store.save(closed);
        BigDecimal pnlPct = closed.sizeUsd() == null || closed.sizeUsd().signum() == 0 ? BigDecimal.ZERO
                : pnl.divide(closed.sizeUsd(), MathContext.DECIMAL64).movePointRight(2);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position_id", closed.id());
        details.put("reason", reason);
        details.put("pnl_usd", pnl);
        details.put("pnl_pct", pnlPct);
        details.put("age_hours", closed.ageHours(now));
        details.put("size_usd", closed.sizeUsd());
        details.put("funding_usd", closed.cumulativeFunding());
        details.put("fees_usd", withFees.totalFees());
        details.put("exit_fees_usd", fees(longExits).add(fees(shortExits)));
        details.put("leg_pnl", legPnl);
        run.emit(ArbEvent.POSITION_CLOSED, ArbEvent.Level.INFO, closed.symbol(), "Closed " + closed.symbol() + " ("
                + reason + "): PnL " + pnl.setScale(2, RoundingMode.HALF_UP) + " USD ("
                + pnlPct.setScale(2, RoundingMode.HALF_UP) + " %), age " + closed.ageHours(now)
                .setScale(1, RoundingMode.HALF_UP) + " h", details);
        return closed;
    }

    /** A leg's realized result: what its sells brought minus what its buys cost minus fees, in quote currency. */
    record LegResult(BigDecimal pnl, BigDecimal fees) {
    }

    private LegResult legResult(ArbLeg leg, ArbPosition position, List<String> prefixes) {
        Instrument market = market(leg.venue(), position);
        List<Fill> fills = Futures.await(run.venue(leg.venue()).fillsSince(position.openedAt().minus(Duration.ofMinutes(1))),
                ArbRun.CALL_TIMEOUT);
        Side reducing = leg.side().opposite();
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;     // tokens this position's own orders left open on the leg
        List<Fill> external = new ArrayList<>();
        for (Fill fill : fills) {
            if (!fill.symbol().equals(position.symbol())) {
                continue;
            }
            if (fill.clientOrderId() == null || prefixes.stream().noneMatch(fill.clientOrderId()::startsWith)) {
                if (fill.side() == reducing && !fill.timestamp().isBefore(position.openedAt())
                        && (fill.clientOrderId() == null || !fill.clientOrderId().startsWith("fa-"))) {
                    external.add(fill);
                }
                continue;
            }
            BigDecimal tokens = market.toTokens(fill.quantity());
            BigDecimal value = tokens.multiply(fill.price());
            cash = fill.side() == Side.SELL ? cash.add(value) : cash.subtract(value);
            held = fill.side() == leg.side() ? held.add(tokens) : held.subtract(tokens);
            fees = fees.add(fill.fee() == null ? BigDecimal.ZERO : fill.fee());
        }
        // Tokens our orders opened and never closed left the leg through fills the run did not send (the venue's
        // liquidation, a close by hand): what they fetched and cost belongs to this leg, or the leg would be booked
        // as if those tokens had been given away.
        BigDecimal missing = held;
        for (Fill fill : external) {
            if (missing.compareTo(DUST_TOKENS) <= 0) {
                break;
            }
            BigDecimal fillTokens = market.toTokens(fill.quantity());
            BigDecimal tokens = fillTokens.min(missing);
            BigDecimal value = tokens.multiply(fill.price());
            cash = reducing == Side.SELL ? cash.add(value) : cash.subtract(value);
            if (fill.fee() != null && fillTokens.signum() > 0) {
                fees = fees.add(fill.fee().multiply(tokens).divide(fillTokens, MathContext.DECIMAL64));
            }
            missing = missing.subtract(tokens);
        }
        if (missing.compareTo(DUST_TOKENS) > 0) {
            LOG.warn("[{}] {} {} leg of {}: {} tokens left without a fill the venue reports; PnL excludes them",
                    run.id, position.symbol(), leg.venue(), position.id(), missing.toPlainString());
        }
        return new LegResult(cash.subtract(fees), fees);
    }

    private ExecutionResult single(String venue, ArbPosition position, Side side, BigDecimal tokens, boolean critical,
            String prefix) {
        Instrument market = market(venue, position);
        BigDecimal spread = spreadOf(venue, position.symbol());
        BigDecimal threshold = critical ? FundingArbConfig.MAX_EMERGENCY_SPREAD : FundingArbConfig.MAX_EXIT_SPREAD;
        ExecutionMode mode = spread.compareTo(threshold) > 0 ? ExecutionMode.AGGRESSIVE_LIMIT : ExecutionMode.MARKET;
        return Futures.await(run.executor.execute(new ExecutionRequest(venue, market, side,
                market.roundQuantityDown(market.fromTokens(tokens)).max(market.lotSize()), true, mode, prefix, "close",
                true)), CLOSE_TIMEOUT);
    }

    private ExecutionResult residual(String venue, ArbPosition position, Side side, BigDecimal tokens, String prefix) {
        Instrument market = market(venue, position);
        BigDecimal quantity = market.roundQuantityDown(market.fromTokens(tokens));
        if (quantity.signum() <= 0) {
            quantity = market.lotSize();
        }
        return Futures.await(run.executor.execute(new ExecutionRequest(venue, market, side, quantity, true,
                ExecutionMode.MARKET, prefix, "close", true)), CLOSE_TIMEOUT);
    }

    private void recordExitTrades(ArbPosition position, List<ExecutionResult> longExits, List<ExecutionResult> shortExits) {
        Instant now = run.clock.instant();
        record(position, position.longDex(), Side.SELL, longExits, now);
        record(position, position.shortDex(), Side.BUY, shortExits, now);
    }

    private void record(ArbPosition position, String venue, Side side, List<ExecutionResult> exits, Instant now) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        List<String> ids = new ArrayList<>();
        for (ExecutionResult exit : exits) {
            quantity = quantity.add(exit.filledQuantity());
            if (exit.averagePrice() != null) {
                value = value.add(exit.filledQuantity().multiply(exit.averagePrice()));
            }
            ids.addAll(exit.clientOrderIds());
        }
        if (quantity.signum() > 0) {
            run.store.recordTrade(position.id(), "exit", venue, position.symbol(), side, quantity,
                    value.divide(quantity, MathContext.DECIMAL64), fees(exits), ids, now);
        }
    }

    /** Whether closing now would at least cover the maker fees (the seed's break-even test). */
    boolean isBreakEven(ArbPosition position) {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (ArbLeg leg : List.of(position.longLeg(), position.shortLeg())) {
            Position snapshot = leg.snapshot();
            if (snapshot == null || snapshot.markPrice() == null) {
                return false;
            }
            unrealized = unrealized.add(snapshot.unrealizedPnl() != null ? snapshot.unrealizedPnl()
                    : snapshot.markPrice().subtract(leg.entryPrice()).multiply(snapshot.quantity()));
            fees = fees.add(snapshot.quantity().abs().multiply(snapshot.markPrice())
                    .multiply(run.fees.feesOf(leg.venue()).maker()));
        }
        return unrealized.compareTo(fees) >= 0;
    }

    BigDecimal widestSpread(ArbPosition position) {
        return spreadOf(position.longDex(), position.symbol()).max(spreadOf(position.shortDex(), position.symbol()));
    }

    BigDecimal spreadOf(String venue, String symbol) {
        try {
            Bbo bbo = run.bbo(venue, symbol);
            if (bbo.bid().signum() <= 0 || bbo.ask().signum() <= 0 || bbo.bid().compareTo(bbo.ask()) > 0) {
                return BigDecimal.ZERO;     // the seed: an unusable book does not block a close; warn and proceed
            }
            return bbo.spreadFraction();
        } catch (RuntimeException e) {
            LOG.warn("[{}] no book for {} on {} ({}); proceeding without the spread check", run.id, symbol, venue,
                    e.getMessage());
            return BigDecimal.ZERO;
        }
    }

    private boolean stillTop(ArbPosition position) {
        FundingArbConfig config = run.config();
        List<Opportunity> ranked = run.funding.opportunities(OpportunityFilter.builder()
                .minProfit(config.minProfitRate())
                .whitelistDexes(config.scanExchanges().stream().filter(run.venues::containsKey).toList())
                .symbol(position.symbol()).limit(1).build());
        return !ranked.isEmpty() && ranked.get(0).longDex().equals(position.longDex())
                && ranked.get(0).shortDex().equals(position.shortDex());
    }

    private void notifyLiquidationRisk(ArbPosition position, String reason) {
        ArbLeg leg = reason.endsWith(position.longDex().toUpperCase(java.util.Locale.ROOT)) ? position.longLeg()
                : position.shortLeg();
        BigDecimal distance = ExitEvaluator.liquidationDistance(leg.snapshot());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position_id", position.id());
        details.put("exchange", leg.venue());
        details.put("distance", distance);
        details.put("threshold", run.config().minLiquidationDistancePct());
        details.put("mark_price", leg.snapshot().markPrice());
        details.put("liquidation_price", leg.snapshot().liquidationPrice());
        run.emit(ArbEvent.LIQUIDATION_RISK, ArbEvent.Level.WARNING, position.symbol(), position.symbol() + " on "
                + leg.venue() + " is " + ArbEntry.percent(distance) + " % from liquidation (threshold "
                + ArbEntry.percent(run.config().minLiquidationDistancePct()) + " %); closing", details);
    }

    private Map<String, List<Position>> positionsOf(ArbPosition position) {
        Map<String, List<Position>> positions = new LinkedHashMap<>();
        positions.put(position.longDex(), run.positions(position.longDex()));
        positions.put(position.shortDex(), run.positions(position.shortDex()));
        return positions;
    }

    private Instrument market(String venue, ArbPosition position) {
        return run.requireInstrument(venue, position.symbol());
    }

    /** Tokens of a leg that belong to this position: what the venue holds on the leg's side, at most the leg. */
    static BigDecimal attributable(ArbLeg leg, ArbRun.Held held) {
        int expectedSign = leg.side() == Side.BUY ? 1 : -1;
        if (held.sign() != expectedSign) {
            return BigDecimal.ZERO;
        }
        return held.tokens().min(leg.tokens());
    }

    /**
     * Funding accrued on both legs: what was booked so far plus what each leg the venue still reports accrued since
     * its last snapshot. A leg the venue no longer reports keeps what it accrued: its snapshot is cleared in the same
     * pass, so a later pass (the close) must not read it as zero.
     */
    private static BigDecimal currentFunding(ArbPosition position, ArbRun.Held longHeld, ArbRun.Held shortHeld) {
        return position.cumulativeFunding().add(fundingChange(position.longLeg(), longHeld))
                .add(fundingChange(position.shortLeg(), shortHeld));
    }

    /** Funding a leg accrued since its last snapshot; nothing when the venue no longer reports it. */
    private static BigDecimal fundingChange(ArbLeg leg, ArbRun.Held held) {
        return held.position() == null ? BigDecimal.ZERO : fundingOf(held.position()).subtract(legFunding(leg));
    }

    private static BigDecimal fundingOf(Position position) {
        return position == null || position.fundingAccrued() == null ? BigDecimal.ZERO : position.fundingAccrued();
    }

    private static BigDecimal legFunding(ArbLeg leg) {
        return fundingOf(leg.snapshot());
    }

    private static BigDecimal fees(List<ExecutionResult> results) {
        return results.stream().map(ExecutionResult::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

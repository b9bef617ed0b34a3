package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicRequest;
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

    /**
     * The answer to a close request.
     *
     * @param failed an attempt was made and left something held (the engine backs off before the next one)
     */
    record CloseOutcome(boolean closed, boolean wideSpreadWarning, BigDecimal spread, String message,
            ArbPosition position, boolean failed) {
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

    /** The liquidation-risk exit reason of a leg held too close to its liquidation price, else {@code null}. */
    String liquidationRisk(ArbPosition position, Map<String, List<Position>> positionsByVenue) {
        if (!run.config().enableLiquidationPrevention()) {
            return null;
        }
        for (ArbLeg leg : List.of(position.longLeg(), position.shortLeg())) {
            ArbRun.Held held = run.held(leg.venue(), position.symbol(), positionsByVenue.get(leg.venue()));
            BigDecimal distance = ExitEvaluator.liquidationDistance(held.position());
            if (distance != null && distance.compareTo(run.config().minLiquidationDistancePct()) < 0) {
                return ExitReasons.liquidationRisk(leg.venue());
            }
        }
        return null;
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
     * when both are held), a residual is swept at market, and PnL is booked once the legs are flat. Only what the
     * position's own orders hold is closed (see {@link ArbRun#ledger}); quantity someone else holds on the same
     * market is never touched. A protective close (an emergency or one a person asked for) goes out even while
     * trading is halted; any other waits for the resume without counting as a failed attempt.
     *
     * @param checkedSpread whether the caller already handled wide spreads (manual closes confirm them first)
     */
    CloseOutcome close(ArbPosition position, String reason, CloseType type, boolean checkedSpread) {
        boolean critical = ExitReasons.isCritical(reason);
        boolean protective = ExitReasons.isProtective(reason);
        if (!protective && !run.tradingActive()) {
            return new CloseOutcome(false, false, BigDecimal.ZERO, "waiting: trading is halted or reducing only",
                    position, false);
        }
        if (!checkedSpread && !critical && !ExitReasons.isManual(reason)) {
            BigDecimal spread = widestSpread(position);
            if (spread.compareTo(FundingArbConfig.MAX_EXIT_SPREAD) > 0) {
                return new CloseOutcome(false, true, spread, "wide spread " + ArbEntry.percent(spread) + " %", position,
                        false);
            }
        }
        ArbPosition closing = position.closing(reason);
        run.store.save(closing);
        int attempt = closing.closeAttempts();
        Holdings before = holdings(closing);
        if (before.anyHeld()) {
            // funding settled since the last monitoring pass belongs to this position's result
            BigDecimal funding = currentFunding(closing, before.longHeld(), before.shortHeld());
            closing = closing.monitored(closing.currentDivergence(), funding,
                    run.clock.instant()).withLegs(closing.longLeg().withSnapshot(before.longHeld().position()),
                    closing.shortLeg().withSnapshot(before.shortHeld().position()), closing.sizeUsd());
            run.store.save(closing);
        } else if (before.vanished()) {
            return new CloseOutcome(true, false, BigDecimal.ZERO, "legs closed outside perpflow",
                    bookedOutside(closing, before), false);
        }
        ExecutionMode mode = switch (type) {
            case MARKET -> ExecutionMode.MARKET;
            case LIMIT -> ExecutionMode.SIMPLE_LIMIT;
            case DEFAULT -> critical ? ExecutionMode.MARKET : ExecutionMode.SIMPLE_LIMIT;
        };
        BigDecimal longTokens = before.longTokens();
        BigDecimal shortTokens = before.shortTokens();
        LOG.info("[{}] closing {} ({}), attempt {}: {} long on {}, {} short on {}", run.id, closing.symbol(), reason,
                attempt, longTokens.toPlainString(), closing.longDex(), shortTokens.toPlainString(), closing.shortDex());
        List<ExecutionResult> longExits = new ArrayList<>();
        List<ExecutionResult> shortExits = new ArrayList<>();
        String prefix = closing.closeIdPrefix(attempt);
        if (longTokens.signum() > 0 && shortTokens.signum() > 0) {
            AtomicResult result = Futures.await(run.atomic.execute(AtomicRequest.close(List.of(
                    new LegSpec(closing.longDex(), market(closing.longDex(), closing), Side.SELL, mode, prefix + "l"),
                    new LegSpec(closing.shortDex(), market(closing.shortDex(), closing), Side.BUY, mode, prefix + "s")),
                    longTokens.min(shortTokens), protective)), CLOSE_TIMEOUT);
            longExits.add(result.legs().get(0));
            shortExits.add(result.legs().get(1));
        } else if (longTokens.signum() > 0) {
            longExits.add(single(closing.longDex(), closing, Side.SELL, longTokens, critical, protective, prefix + "l"));
        } else if (shortTokens.signum() > 0) {
            shortExits.add(single(closing.shortDex(), closing, Side.BUY, shortTokens, critical, protective,
                    prefix + "s"));
        }
        // residual cleanup: whatever the position's own orders still hold is closed at market
        Holdings after = holdings(closing);
        if (after.longTokens().compareTo(DUST_TOKENS) > 0) {
            longExits.add(residual(closing.longDex(), closing, Side.SELL, after.longTokens(), protective, prefix + "lr"));
        }
        if (after.shortTokens().compareTo(DUST_TOKENS) > 0) {
            shortExits.add(residual(closing.shortDex(), closing, Side.BUY, after.shortTokens(), protective,
                    prefix + "sr"));
        }
        Holdings end = holdings(closing);
        recordExitTrades(closing, longExits, shortExits);
        if (end.longTokens().compareTo(DUST_TOKENS) > 0 || end.shortTokens().compareTo(DUST_TOKENS) > 0) {
            String why = firstError(longExits, shortExits);
            run.emit("close_incomplete", ArbEvent.Level.ERROR, closing.symbol(), closing.symbol() + " close (" + reason
                    + ") left " + end.longTokens().toPlainString() + " long / " + end.shortTokens().toPlainString()
                    + " short" + (why == null ? "" : ": " + why) + "; it is retried", Map.of("position_id", closing.id()));
            return new CloseOutcome(false, false, BigDecimal.ZERO, "close incomplete: " + end.longTokens()
                    .toPlainString() + " long / " + end.shortTokens().toPlainString() + " short still held"
                    + (why == null ? "" : " (" + why + ")"), closing, true);
        }
        return new CloseOutcome(true, false, BigDecimal.ZERO, "closed", booked(closing, reason, end, longExits,
                shortExits), false);
    }

    /** What the position's own orders hold on each leg now, and what the venues hold on the legs' sides. */
    record Holdings(ArbRun.Held longHeld, ArbRun.Held shortHeld, LegLedger longLedger, LegLedger shortLedger,
            ArbLeg longLeg, ArbLeg shortLeg) {

        /** Own tokens on the long leg that the venue still holds. */
        BigDecimal longTokens() {
            return ownHeld(longHeld, longLedger, 1);
        }

        BigDecimal shortTokens() {
            return ownHeld(shortHeld, shortLedger, -1);
        }

        boolean anyHeld() {
            return longTokens().compareTo(DUST_TOKENS) > 0 || shortTokens().compareTo(DUST_TOKENS) > 0;
        }

        /**
         * Nothing held, and not because this position's orders closed it: own tokens the venue no longer holds, or
         * a leg with tokens whose fills the venue no longer reports (its history is gone, e.g. after a reset).
         */
        boolean vanished() {
            return !anyHeld() && (gone(longLeg, longLedger) || gone(shortLeg, shortLedger));
        }

        private static boolean gone(ArbLeg leg, LegLedger ledger) {
            return ledger.ownNet().compareTo(DUST_TOKENS) > 0
                    || leg.tokens().compareTo(DUST_TOKENS) > 0 && ledger.ownFills() == 0;
        }

        private static BigDecimal ownHeld(ArbRun.Held held, LegLedger ledger, int expectedSign) {
            return held.sign() == expectedSign ? held.tokens().min(ledger.ownNet()) : BigDecimal.ZERO;
        }
    }

    private Holdings holdings(ArbPosition position) {
        Map<String, List<Position>> venuePositions = positionsOf(position);
        ArbRun.Held longHeld = run.held(position.longDex(), position.symbol(), venuePositions.get(position.longDex()));
        ArbRun.Held shortHeld = run.held(position.shortDex(), position.symbol(), venuePositions.get(position.shortDex()));
        LegLedger longLedger = run.ledger(position, position.longLeg(), longHeld.sign() > 0 ? longHeld.tokens()
                : BigDecimal.ZERO);
        LegLedger shortLedger = run.ledger(position, position.shortLeg(), shortHeld.sign() < 0 ? shortHeld.tokens()
                : BigDecimal.ZERO);
        return new Holdings(longHeld, shortHeld, longLedger, shortLedger, position.longLeg(), position.shortLeg());
    }

    /**
     * Books the realized PnL from the venues' own fills of this position (entry, hedges, closes and residuals, found
     * by the position's client-order-id prefixes) plus the funding received. Fees already known are never erased;
     * tokens opened and never seen closed are left out and the PnL is marked incomplete.
     */
    private ArbPosition booked(ArbPosition position, String reason, Holdings end, List<ExecutionResult> longExits,
            List<ExecutionResult> shortExits) {
        return book(position, reason, end, fees(longExits).add(fees(shortExits)), null);
    }

    /** The legs were gone without this run closing them: kept fees, a PnL from whatever fills the venue still has. */
    private ArbPosition bookedOutside(ArbPosition position, Holdings holdings) {
        LOG.warn("[{}] {} {}: the venues no longer hold its legs and this run did not close them (liquidation, close by "
                + "hand or a venue reset)", run.id, position.symbol(), position.id());
        String pending = position.exitReason();
        boolean legsGoneReason = ExitReasons.ALL_LEGS_CLOSED.equals(pending) || ExitReasons.LEG_LIQUIDATED.equals(pending);
        boolean explained = explained(position.longLeg(), holdings.longLedger())
                && explained(position.shortLeg(), holdings.shortLedger());
        if (legsGoneReason && explained) {
            // the venues' fills tell what happened (a liquidation, a close by hand): the seed's reason, a real PnL
            return book(position, pending, holdings, BigDecimal.ZERO, null);
        }
        return book(position, ExitReasons.CLOSED_OUTSIDE, holdings, BigDecimal.ZERO, "legs closed outside perpflow ("
                + pending + " was pending) and the venues report no fills that explain it: not reconciled");
    }

    /** A leg whose every opened token the venue's fills show closed (or a leg that never held anything). */
    private static boolean explained(ArbLeg leg, LegLedger ledger) {
        return leg.tokens().compareTo(DUST_TOKENS) <= 0 && ledger.ownFills() == 0
                || ledger.ownFills() > 0 && ledger.complete();
    }

    private ArbPosition book(ArbPosition position, String reason, Holdings end, BigDecimal exitFees, String note) {
        ArbLeg longLeg = position.longLeg();
        ArbLeg shortLeg = position.shortLeg();
        BigDecimal longFees = end.longLedger().totalFees().max(longLeg.fees());
        BigDecimal shortFees = end.shortLedger().totalFees().max(shortLeg.fees());
        boolean complete = end.longLedger().complete() && end.shortLedger().complete();
        BigDecimal longPnl = end.longLedger().realizedPnl().add(end.longLedger().totalFees()).subtract(longFees);
        BigDecimal shortPnl = end.shortLedger().realizedPnl().add(end.shortLedger().totalFees()).subtract(shortFees);
        Map<String, Object> legPnl = new LinkedHashMap<>();
        legPnl.put(position.longDex(), longPnl);
        legPnl.put(position.shortDex(), shortPnl);
        ArbPosition withFees = position.withLegs(longLeg.withFees(longFees), shortLeg.withFees(shortFees),
                position.sizeUsd());
        BigDecimal pnl = longPnl.add(shortPnl).add(position.cumulativeFunding());
        Instant now = run.clock.instant();
        String problem = note != null ? note : complete ? null
                : "PnL incomplete: the venues report no close for part of a leg (" + unmatched(end) + ")";
        ArbPosition closed = withFees.closed(reason, pnl, now).withError(problem);
        run.store.save(closed);
        BigDecimal pnlPct = closed.sizeUsd() == null || closed.sizeUsd().signum() == 0 ? BigDecimal.ZERO
                : pnl.divide(closed.sizeUsd(), MathContext.DECIMAL64).movePointRight(2);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position_id", closed.id());
        details.put("reason", reason);
        details.put("pnl_usd", pnl);
        details.put("pnl_pct", pnlPct);
        details.put("pnl_complete", problem == null);
        details.put("age_hours", closed.ageHours(now));
        details.put("size_usd", closed.sizeUsd());
        details.put("funding_usd", closed.cumulativeFunding());
        details.put("fees_usd", withFees.totalFees());
        details.put("exit_fees_usd", exitFees);
        details.put("leg_pnl", legPnl);
        if (problem != null) {
            details.put("note", problem);
        }
        run.emit(ArbEvent.POSITION_CLOSED, problem == null ? ArbEvent.Level.INFO : ArbEvent.Level.WARNING,
                closed.symbol(), "Closed " + closed.symbol() + " (" + reason + "): PnL "
                + pnl.setScale(2, RoundingMode.HALF_UP) + " USD (" + pnlPct.setScale(2, RoundingMode.HALF_UP)
                + " %)" + (problem == null ? "" : " [" + problem + "]") + ", age "
                + closed.ageHours(now).setScale(1, RoundingMode.HALF_UP) + " h", details);
        return closed;
    }

    private static String unmatched(Holdings end) {
        return end.longLedger().opened().subtract(end.longLedger().matched()).toPlainString() + " long, "
                + end.shortLedger().opened().subtract(end.shortLedger().matched()).toPlainString() + " short tokens";
    }

    private static String firstError(List<ExecutionResult> longExits, List<ExecutionResult> shortExits) {
        return java.util.stream.Stream.concat(longExits.stream(), shortExits.stream()).map(ExecutionResult::error)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private ExecutionResult single(String venue, ArbPosition position, Side side, BigDecimal tokens, boolean critical,
            boolean protective, String prefix) {
        Instrument market = market(venue, position);
        BigDecimal spread = spreadOf(venue, position.symbol());
        BigDecimal threshold = critical ? FundingArbConfig.MAX_EMERGENCY_SPREAD : FundingArbConfig.MAX_EXIT_SPREAD;
        ExecutionMode mode = spread.compareTo(threshold) > 0 ? ExecutionMode.AGGRESSIVE_LIMIT : ExecutionMode.MARKET;
        return Futures.await(run.executor.execute(new ExecutionRequest(venue, market, side,
                market.roundQuantityDown(market.fromTokens(tokens)).max(market.lotSize()), true, mode, prefix, "close",
                true, null, protective)), CLOSE_TIMEOUT);
    }

    private ExecutionResult residual(String venue, ArbPosition position, Side side, BigDecimal tokens,
            boolean protective, String prefix) {
        Instrument market = market(venue, position);
        BigDecimal quantity = market.roundQuantityDown(market.fromTokens(tokens));
        if (quantity.signum() <= 0) {
            quantity = market.lotSize();
        }
        return Futures.await(run.executor.execute(new ExecutionRequest(venue, market, side, quantity, true,
                ExecutionMode.MARKET, prefix, "close", true, null, protective)), CLOSE_TIMEOUT);
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

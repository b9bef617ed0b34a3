package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicRequest;
import dev.perpflow.execution.AtomicResult;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutionResult;
import dev.perpflow.execution.Futures;
import dev.perpflow.execution.LegSpec;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's scan and entry: rank opportunities with the run's filters, take the best ones the run has capacity
 * and exposure for, size by target margin × one leverage (the lower of {@code max_leverage} and both venues'
 * maximum, set on both venues before any order), refuse diverging prices, and open both
 * legs through the atomic executor. The position is persisted as OPENING before any order is sent; a success is
 * merged into an open position of the same pair, as the seed does.
 */
final class ArbEntry {

    private static final Logger LOG = LoggerFactory.getLogger(ArbEntry.class);
    private static final Duration MARGIN_NOTICE_DEDUP = Duration.ofMinutes(5);
    private static final Duration ATOMIC_TIMEOUT = Duration.ofMinutes(5);

    /** A sized opportunity the run decided to take. */
    record Plan(Opportunity opportunity, Instrument longMarket, Instrument shortMarket, int leverage, BigDecimal sizeUsd) {
    }

    private final ArbRun run;
    private final Map<String, Instant> cooldownUntil = new HashMap<>();
    private final Map<String, Instant> marginNoticeAt = new HashMap<>();

    ArbEntry(ArbRun run) {
        this.run = run;
    }

    /** One scan: opens up to {@code max_new_positions_per_cycle} positions; returns how many opened. */
    int scan(List<ArbPosition> active) {
        FundingArbConfig config = run.config();
        int held = countPositions(active);
        if (held >= config.maxPositions()) {
            return 0;
        }
        Set<String> failedThisCycle = new HashSet<>();
        int opened = 0;
        for (Opportunity opportunity : run.funding.opportunities(filter(config))) {
            if (opened >= config.maxNewPositionsPerCycle() || held + opened >= config.maxPositions()) {
                break;
            }
            String symbol = opportunity.symbol();
            if (config.excludeSymbols().contains(symbol) || failedThisCycle.contains(symbol) || inCooldown(symbol)) {
                continue;
            }
            if (active.stream().anyMatch(p -> p.symbol().equals(symbol) && p.status() != ArbPosition.Status.OPEN
                    && p.status() != ArbPosition.Status.MERGED)) {
                continue;   // a position of this symbol is opening or closing: no new entry until it is settled
            }
            try {
                Optional<Plan> plan = shouldTake(opportunity, active);
                if (plan.isPresent()) {
                    if (open(plan.get(), active)) {
                        opened++;
                    } else {
                        failedThisCycle.add(symbol);
                    }
                    active = run.store.active(run.id);
                    releaseUnused(symbol, active);
                }
            } catch (MarketNotFoundException e) {
                run.funding.markUntradeable(e.venue(), symbol);
                failedThisCycle.add(symbol);
            } catch (RuntimeException e) {
                LOG.warn("[{}] entry on {} failed: {}", run.id, symbol, e.getMessage());
                run.emit("entry_failed", ArbEvent.Level.WARNING, symbol, String.valueOf(e.getMessage()), Map.of());
                failedThisCycle.add(symbol);
            }
        }
        return opened;
    }

    /** The seed's {@code should_take}: both venues connected, sized by leverage, within the exposure caps. */
    Optional<Plan> shouldTake(Opportunity opportunity, List<ArbPosition> active) {
        FundingArbConfig config = run.config();
        String symbol = opportunity.symbol();
        if (!run.venues.containsKey(opportunity.longDex()) || !run.venues.containsKey(opportunity.shortDex())) {
            return Optional.empty();
        }
        Instrument longMarket = run.instrument(opportunity.longDex(), symbol)
                .orElseThrow(() -> new MarketNotFoundException(opportunity.longDex(), symbol));
        Instrument shortMarket = run.instrument(opportunity.shortDex(), symbol)
                .orElseThrow(() -> new MarketNotFoundException(opportunity.shortDex(), symbol));
        // the one leverage decision: sizing, the margin check and both venues' setting all use it
        int leverage = Math.min(config.maxLeverage(), Math.min(leverageOf(longMarket), leverageOf(shortMarket)));
        BigDecimal size = config.sizeUsd(leverage).min(config.maxPositionSizeUsd());
        Optional<ArbPosition> samePair = active.stream().filter(p -> p.status() == ArbPosition.Status.OPEN
                && p.symbol().equals(symbol) && p.longDex().equals(opportunity.longDex())
                && p.shortDex().equals(opportunity.shortDex())).findFirst();
        if (samePair.isPresent()) {
            // an entry on an open pair is merged into it: the merged position stays within the per-position cap
            BigDecimal room = config.maxPositionSizeUsd().subtract(samePair.get().sizeUsd());
            if (room.compareTo(FundingArbConfig.MIN_POSITION_USD) < 0) {
                LOG.debug("[{}] {} skipped: position {} is at its size limit {}", run.id, symbol, samePair.get().id(),
                        config.maxPositionSizeUsd().toPlainString());
                return Optional.empty();
            }
            size = size.min(room);
        }
        for (String venue : List.of(opportunity.longDex(), opportunity.shortDex())) {
            BigDecimal exposure = active.stream().filter(p -> p.status() != ArbPosition.Status.MERGED)
                    .filter(p -> p.longDex().equals(venue) || p.shortDex().equals(venue))
                    .map(p -> p.sizeUsd() == null ? BigDecimal.ZERO : p.sizeUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (exposure.add(size).compareTo(config.maxTotalExposureUsd()) > 0) {
                LOG.info("[{}] {} skipped: exposure on {} would be {} > {}", run.id, symbol, venue,
                        exposure.add(size).toPlainString(), config.maxTotalExposureUsd().toPlainString());
                return Optional.empty();
            }
        }
        for (String venue : List.of(opportunity.longDex(), opportunity.shortDex())) {
            Optional<String> holder = run.claim(venue, symbol);
            if (holder.isPresent()) {
                LOG.info("[{}] {} skipped: run {} trades {} on {} for account {}", run.id, symbol, holder.get(), symbol,
                        venue, run.account());
                releaseUnused(symbol, active);
                return Optional.empty();
            }
        }
        return Optional.of(new Plan(opportunity, longMarket, shortMarket, leverage, size));
    }

    /** Gives back this run's claims on a symbol it holds nothing of (an entry that was not made). */
    void releaseUnused(String symbol, List<ArbPosition> active) {
        for (String venue : run.venues.keySet()) {
            boolean used = active.stream().anyMatch(p -> p.symbol().equals(symbol)
                    && (p.longDex().equals(venue) || p.shortDex().equals(venue)));
            if (!used && run.claimed().contains(venue + '|' + symbol)) {
                run.release(venue, symbol);
            }
        }
    }

    /** Opens a planned position; {@code false} when it was refused or did not end hedged (nothing held). */
    boolean open(Plan plan, List<ArbPosition> active) {
        FundingArbConfig config = run.config();
        Opportunity opportunity = plan.opportunity();
        String symbol = opportunity.symbol();
        Bbo longBbo = run.bbo(opportunity.longDex(), symbol);
        Bbo shortBbo = run.bbo(opportunity.shortDex(), symbol);
        BigDecimal longMid = longBbo.mid();
        BigDecimal shortMid = shortBbo.mid();
        if (longMid.signum() <= 0 || shortMid.signum() <= 0) {
            throw new IllegalStateException("no usable book for " + symbol);
        }
        BigDecimal low = longMid.min(shortMid);
        BigDecimal divergence = longMid.max(shortMid).subtract(low).divide(low, MathContext.DECIMAL64);
        if (divergence.compareTo(config.maxEntryPriceDivergencePct()) > 0) {
            coolDown(symbol);
            run.emit("entry_refused", ArbEvent.Level.WARNING, symbol, "prices diverge " + percent(divergence)
                    + " % between " + opportunity.longDex() + " and " + opportunity.shortDex() + " (max "
                    + percent(config.maxEntryPriceDivergencePct()) + " %)", Map.of("divergence", divergence));
            return false;
        }
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(longBbo, shortBbo, config.limitOrderOffsetPct());
        if (prices.strategy() == BreakEvenAlignment.Strategy.BBO_FALLBACK
                || divergence.compareTo(FundingArbConfig.ALIGNMENT_SPREAD_THRESHOLD) > 0) {
            coolDown(symbol);   // the seed: no break-even alignment possible; proceed, but not again soon
        }
        BigDecimal price = longMid.max(shortMid);
        BigDecimal wanted = plan.sizeUsd().divide(price, MathContext.DECIMAL64);
        BigDecimal tokens = onGrid(plan.longMarket(), wanted).min(onGrid(plan.shortMarket(), wanted));
        if (tokens.signum() <= 0 || tokens.multiply(price).compareTo(FundingArbConfig.MIN_POSITION_USD) < 0) {
            run.emit("entry_refused", ArbEvent.Level.WARNING, symbol, "size " + plan.sizeUsd().toPlainString()
                    + " USD is below a lot or the 5 USD minimum on " + opportunity.longDex() + "/"
                    + opportunity.shortDex(), Map.of());
            return false;
        }

        Instant now = run.clock.instant();
        ArbPosition intent = new ArbPosition(newId(), run.id, symbol,
                new ArbLeg(opportunity.longDex(), Side.BUY, tokens, null, null, null),
                new ArbLeg(opportunity.shortDex(), Side.SELL, tokens, null, null, null),
                tokens.multiply(price), opportunity.longRate(), opportunity.shortRate(),
                opportunity.shortRate().subtract(opportunity.longRate()), now, ArbPosition.Status.OPENING,
                null, null, BigDecimal.ZERO, 0, null, null, null, null, null, null);
        run.store.save(intent);
        LOG.info("[{}] opening {}: long {} / short {}, {} tokens (~{} USD, {}x), divergence {} per 8h, prices {} / {} ({})",
                run.id, symbol, opportunity.longDex(), opportunity.shortDex(), tokens.toPlainString(),
                tokens.multiply(price).setScale(2, RoundingMode.HALF_UP), plan.leverage(), intent.entryDivergence(),
                prices.longPrice().toPlainString(), prices.shortPrice().toPlainString(),
                prices.strategy().name().toLowerCase(Locale.ROOT));

        AtomicResult result = Futures.await(run.atomic.execute(AtomicRequest.open(List.of(
                new LegSpec(opportunity.longDex(), plan.longMarket(), Side.BUY, ExecutionMode.SIMPLE_LIMIT,
                        intent.entryIdPrefix() + "l", prices.longPrice()),
                new LegSpec(opportunity.shortDex(), plan.shortMarket(), Side.SELL, ExecutionMode.SIMPLE_LIMIT,
                        intent.entryIdPrefix() + "s", prices.shortPrice())), tokens, plan.leverage())),
                ATOMIC_TIMEOUT);
        if (!result.success()) {
            if (!result.flat()) {
                keepNakedLegs(intent, result, price);
                return false;
            }
            run.store.save(intent.failed(result.error(), run.clock.instant()));
            if (result.error() != null && result.error().toLowerCase(Locale.ROOT).contains("margin")) {
                notifyInsufficientMargin(symbol, opportunity, result.error());
            }
            run.emit("entry_failed", ArbEvent.Level.WARNING, symbol, symbol + " entry failed: " + result.error()
                    + (result.rollbackPerformed() ? " (filled legs rolled back)" : ""), Map.of("position_id", intent.id()));
            return false;
        }
        ArbPosition opened = filled(intent, result, price);
        recordEntryTrades(opened, result);
        Optional<ArbPosition> samePair = active.stream().filter(p -> p.status() == ArbPosition.Status.OPEN
                && p.symbol().equals(symbol) && p.longDex().equals(opened.longDex())
                && p.shortDex().equals(opened.shortDex())).findFirst();
        ArbPosition shown = opened;
        if (samePair.isPresent()) {
            ArbPosition merged = merge(samePair.get(), opened);
            run.store.save(merged);
            run.store.save(opened.mergedInto(merged.id(), run.clock.instant()));
            shown = merged;
        } else {
            run.store.save(opened);
        }
        notifyOpened(shown, opened, result, plan);
        return true;
    }

    /**
     * An entry that failed while a leg is (or may be) still held is never recorded FAILED: the position stays
     * tracked, CLOSING as a naked leg, so the run closes what its own orders hold (protective: also while trading is
     * halted), keeps monitoring it until then, and shows it; the owner is told.
     */
    private void keepNakedLegs(ArbPosition intent, AtomicResult result, BigDecimal sizedAt) {
        BigDecimal longTokens = result.confirmed() ? result.legTokens().get(0) : intent.longLeg().tokens();
        BigDecimal shortTokens = result.confirmed() ? result.legTokens().get(1) : intent.shortLeg().tokens();
        ArbLeg longLeg = new ArbLeg(intent.longDex(), Side.BUY, longTokens, priceOf(result.legs(), 0, sizedAt),
                feesOf(result.legs(), 0), null);
        ArbLeg shortLeg = new ArbLeg(intent.shortDex(), Side.SELL, shortTokens, priceOf(result.legs(), 1, sizedAt),
                feesOf(result.legs(), 1), null);
        ArbPosition naked = intent.withLegs(longLeg, shortLeg, longTokens.max(shortTokens).multiply(sizedAt))
                .closing(ExitReasons.NAKED_AFTER_FAILED_ENTRY);
        run.store.save(naked);
        if (result.legs().size() == 2) {
            recordEntryTrades(naked, result);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position_id", naked.id());
        details.put("long_tokens", longTokens);
        details.put("short_tokens", shortTokens);
        details.put("confirmed", result.confirmed());
        run.emit(ArbEvent.NAKED_LEG, ArbEvent.Level.ERROR, naked.symbol(), naked.symbol() + " entry failed ("
                + result.error() + ") with legs still held: " + longTokens.toPlainString() + " long on "
                + naked.longDex() + ", " + shortTokens.toPlainString() + " short on " + naked.shortDex()
                + "; closing them", details);
    }

    private static BigDecimal priceOf(List<ExecutionResult> legs, int i, BigDecimal fallback) {
        return i < legs.size() && legs.get(i).averagePrice() != null ? legs.get(i).averagePrice() : fallback;
    }

    private static BigDecimal feesOf(List<ExecutionResult> legs, int i) {
        return i < legs.size() ? legs.get(i).fees() : BigDecimal.ZERO;
    }

    /**
     * The position as the venues' fills of its entry tell it: each leg's tokens as the atomic execution confirmed,
     * its entry price and fees from every fill of its orders (entry and hedges alike), the size what both legs hold.
     * Without fills to read (a venue's history unavailable), the executions' own averages stand in.
     */
    private ArbPosition filled(ArbPosition intent, AtomicResult result, BigDecimal sizedAt) {
        ArbLeg longLeg = leg(intent, intent.longLeg(), result.legTokens().get(0), result.legs().get(0), sizedAt);
        ArbLeg shortLeg = leg(intent, intent.shortLeg(), result.legTokens().get(1), result.legs().get(1), sizedAt);
        BigDecimal size = longLeg.tokens().min(shortLeg.tokens()).multiply(sizedAt);
        return intent.withLegs(longLeg, shortLeg, size).with(ArbPosition.Status.OPEN);
    }

    private ArbLeg leg(ArbPosition intent, ArbLeg planned, BigDecimal tokens, ExecutionResult execution,
            BigDecimal fallback) {
        try {
            LegLedger ledger = run.ledger(intent, planned, null);
            if (ledger.averageOpenPrice() != null) {
                return new ArbLeg(planned.venue(), planned.side(), tokens, ledger.averageOpenPrice(), ledger.fees(), null);
            }
        } catch (RuntimeException e) {
            LOG.warn("[{}] fills of {} on {} unavailable ({}); entry price from the execution", run.id, intent.id(),
                    planned.venue(), e.getMessage());
        }
        BigDecimal price = execution.filledQuantity().signum() > 0 && execution.averagePrice() != null
                && execution.averagePrice().signum() > 0 ? execution.averagePrice() : fallback;
        return new ArbLeg(planned.venue(), planned.side(), tokens, price, execution.fees(), null);
    }

    private static ArbPosition merge(ArbPosition existing, ArbPosition tranche) {
        BigDecimal total = existing.sizeUsd().add(tranche.sizeUsd());
        BigDecimal longRate = weighted(existing.entryLongRate(), existing.sizeUsd(), tranche.entryLongRate(),
                tranche.sizeUsd(), total);
        BigDecimal shortRate = weighted(existing.entryShortRate(), existing.sizeUsd(), tranche.entryShortRate(),
                tranche.sizeUsd(), total);
        return existing.withLegs(
                existing.longLeg().merge(tranche.longLeg().tokens(), tranche.longLeg().entryPrice(), tranche.longLeg().fees()),
                existing.shortLeg().merge(tranche.shortLeg().tokens(), tranche.shortLeg().entryPrice(),
                        tranche.shortLeg().fees()), total).withEntryRates(longRate, shortRate);
    }

    /** One {@code trade_fills} row per leg of an entry: every fill of its orders (entry and hedges) aggregated. */
    private void recordEntryTrades(ArbPosition position, AtomicResult result) {
        Instant now = run.clock.instant();
        for (int i = 0; i < 2; i++) {
            ArbLeg leg = i == 0 ? position.longLeg() : position.shortLeg();
            ExecutionResult execution = result.legs().get(i);
            BigDecimal quantity = execution.filledQuantity();
            BigDecimal average = execution.averagePrice();
            BigDecimal fees = execution.fees();
            List<String> ids = execution.clientOrderIds();
            try {
                LegLedger ledger = run.ledger(position, leg, null);
                if (ledger.opened().signum() > 0) {
                    Instrument market = run.requireInstrument(leg.venue(), position.symbol());
                    quantity = market.fromTokens(ledger.opened());
                    average = ledger.averageOpenPrice();
                    fees = ledger.fees();
                    ids = ledger.openingOrders();
                }
            } catch (RuntimeException e) {
                LOG.debug("[{}] entry trades of {} from the executions ({})", run.id, position.id(), e.getMessage());
            }
            if (quantity.signum() > 0) {
                run.store.recordTrade(position.id(), "entry", leg.venue(), position.symbol(), leg.side(), quantity,
                        average, fees, ids, now);
            }
        }
    }

    private void notifyOpened(ArbPosition shown, ArbPosition tranche, AtomicResult result, Plan plan) {
        BigDecimal maker = result.legs().stream().map(ExecutionResult::makerQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taker = result.legs().stream().map(ExecutionResult::takerQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position_id", shown.id());
        details.put("long_dex", shown.longDex());
        details.put("short_dex", shown.shortDex());
        details.put("size_usd", tranche.sizeUsd());
        details.put("entry_divergence", tranche.entryDivergence());
        details.put("entry_apy", tranche.entryDivergence().multiply(BigDecimal.valueOf(109500)));
        details.put("long_price", tranche.longLeg().entryPrice());
        details.put("short_price", tranche.shortLeg().entryPrice());
        details.put("quantity", tranche.longLeg().tokens());
        details.put("leverage", plan.leverage());
        details.put("margin", tranche.sizeUsd().divide(BigDecimal.valueOf(plan.leverage()), MathContext.DECIMAL64));
        details.put("execution", executionMix(maker, taker));
        details.put("merged", !shown.id().equals(tranche.id()));
        run.emit(ArbEvent.POSITION_OPENED, ArbEvent.Level.INFO, shown.symbol(), "Opened " + shown.symbol()
                + ": long " + shown.longDex() + " / short " + shown.shortDex() + ", "
                + tranche.sizeUsd().setScale(2, RoundingMode.HALF_UP) + " USD, divergence "
                + percent(tranche.entryDivergence()) + " % per 8h", details);
    }

    private void notifyInsufficientMargin(String symbol, Opportunity opportunity, String error) {
        String key = opportunity.longDex() + "/" + opportunity.shortDex() + "/" + symbol;
        Instant now = run.clock.instant();
        Instant last = marginNoticeAt.get(key);
        if (last != null && Duration.between(last, now).compareTo(MARGIN_NOTICE_DEDUP) < 0) {
            return;
        }
        marginNoticeAt.put(key, now);
        run.emit(ArbEvent.INSUFFICIENT_MARGIN, ArbEvent.Level.WARNING, symbol, "Insufficient margin to open " + symbol
                + " on " + opportunity.longDex() + "/" + opportunity.shortDex() + ": " + error,
                Map.of("long_dex", opportunity.longDex(), "short_dex", opportunity.shortDex()));
    }

    private OpportunityFilter filter(FundingArbConfig config) {
        OpportunityFilter.Builder builder = OpportunityFilter.builder()
                .minProfit(config.minProfitRate())
                .minVolume24h(config.minVolume24h())
                .minOiUsd(config.minOiUsd())
                .whitelistDexes(config.scanExchanges().stream().filter(run.venues::containsKey).toList())
                .limit(10);
        if (config.mandatoryExchange() != null) {
            builder.requiredDex(config.mandatoryExchange()).maxOiUsd(config.maxOiUsd());
        }
        return builder.build();
    }

    void coolDown(String symbol) {
        cooldownUntil.put(symbol, run.clock.instant().plus(run.config().wideSpreadCooldown()));
    }

    boolean inCooldown(String symbol) {
        Instant until = cooldownUntil.get(symbol);
        return until != null && run.clock.instant().isBefore(until);
    }

    private static int countPositions(List<ArbPosition> active) {
        return (int) active.stream().filter(p -> p.status() != ArbPosition.Status.MERGED).count();
    }

    private static int leverageOf(Instrument market) {
        return market.maxLeverage() > 0 ? market.maxLeverage() : FundingArbConfig.FALLBACK_LEVERAGE;
    }

    private static BigDecimal onGrid(Instrument market, BigDecimal tokens) {
        return market.toTokens(market.roundQuantityDown(market.fromTokens(tokens)));
    }

    private static BigDecimal weighted(BigDecimal a, BigDecimal wa, BigDecimal b, BigDecimal wb, BigDecimal total) {
        return total.signum() == 0 ? a : a.multiply(wa).add(b.multiply(wb)).divide(total, MathContext.DECIMAL64);
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String executionMix(BigDecimal maker, BigDecimal taker) {
        BigDecimal total = maker.add(taker);
        if (total.signum() == 0 || taker.signum() == 0) {
            return "maker";
        }
        if (maker.signum() == 0) {
            return "taker";
        }
        BigDecimal makerPct = maker.multiply(BigDecimal.valueOf(100)).divide(total, 0, RoundingMode.HALF_UP);
        return makerPct + "% maker, " + BigDecimal.valueOf(100).subtract(makerPct) + "% taker";
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}

package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens (or closes) several legs as one: a pre-flight check, all legs sent at once, the other legs stopped as soon
 * as one is filled, the shortfall hedged to the same token quantity (aggressive limit, then market), and, if the
 * hedge fails or the unhedged window runs too long, the filled legs rolled back with reduce-only market orders.
 */
public final class AtomicExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicExecutor.class);
    private static final int DEPTH_LEVELS = 20;

    private final OrderExecutor executor;
    private final Map<String, ExchangeClient> venues;
    private final AtomicSettings settings;
    private final Executor workers;

    public AtomicExecutor(OrderExecutor executor, Map<String, ExchangeClient> venues, AtomicSettings settings,
            Executor workers) {
        this.executor = executor;
        this.venues = Map.copyOf(venues);
        this.settings = settings;
        this.workers = workers;
    }

    /** Executes every leg for {@code tokens} of the underlying; {@code reduceOnly} for closing legs. */
    public CompletableFuture<AtomicResult> execute(List<LegSpec> legs, BigDecimal tokens, boolean reduceOnly) {
        return CompletableFuture.supplyAsync(() -> run(legs, tokens, reduceOnly), workers);
    }

    private AtomicResult run(List<LegSpec> legs, BigDecimal tokens, boolean reduceOnly) {
        if (legs.isEmpty()) {
            return new AtomicResult(true, List.of(), List.of(), BigDecimal.ZERO, false, false, BigDecimal.ZERO,
                    Duration.ZERO, null);
        }
        if (!reduceOnly) {
            String problem = preflight(legs, tokens);
            if (problem != null) {
                return failure(List.of(), zeros(legs.size()), "pre-flight check failed: " + problem);
            }
        }
        List<BigDecimal> before = reduceOnly ? List.of() : positionsOf(legs);
        List<AtomicBoolean> stops = new ArrayList<>();
        List<CompletableFuture<ExecutionResult>> running = new ArrayList<>();
        Instant[] firstFill = new Instant[1];
        for (LegSpec leg : legs) {
            AtomicBoolean stop = new AtomicBoolean();
            stops.add(stop);
            BigDecimal quantity = leg.instrument().roundQuantityDown(leg.instrument().fromTokens(tokens));
            running.add(executor.execute(new ExecutionRequest(leg.venue(), leg.instrument(), leg.side(), quantity,
                    reduceOnly, leg.mode(), leg.idPrefix(), reduceOnly ? "close" : "entry", false, leg.limitPrice()),
                    stop));
        }
        for (CompletableFuture<ExecutionResult> leg : running) {
            leg.thenAccept(result -> {
                if (result.filledQuantity().signum() > 0) {
                    synchronized (firstFill) {
                        if (firstFill[0] == null) {
                            firstFill[0] = Instant.now();
                        }
                    }
                }
                if (result.filled()) {
                    stops.forEach(s -> s.set(true));  // one leg is in: stop working the others, hedge them instead
                }
            });
        }
        List<ExecutionResult> results = running.stream().map(CompletableFuture::join).toList();
        synchronized (firstFill) {
            if (firstFill[0] == null && results.stream().anyMatch(r -> r.filledQuantity().signum() > 0)) {
                firstFill[0] = Instant.now();
            }
        }
        List<BigDecimal> held = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            held.add(legs.get(i).instrument().toTokens(results.get(i).filledQuantity()));
        }
        if (isBalanced(held) && held.stream().allMatch(t -> t.compareTo(tokens.multiply(new BigDecimal("0.99"))) >= 0)) {
            return new AtomicResult(true, results, held, imbalance(held), false, false, BigDecimal.ZERO,
                    window(firstFill[0]), null);
        }
        BigDecimal target = held.stream().max(BigDecimal::compareTo).orElseThrow().min(tokens);
        boolean withinWindow = firstFill[0] == null
                || Duration.between(firstFill[0], Instant.now()).compareTo(settings.maxExposureWindow()) < 0;
        if (target.signum() > 0 && withinWindow) {
            hedge(legs, held, target, reduceOnly);
            if (isBalanced(held)) {
                return new AtomicResult(true, results, held, imbalance(held), true, false, BigDecimal.ZERO,
                        window(firstFill[0]), null);
            }
        }
        if (reduceOnly || held.stream().allMatch(t -> t.signum() == 0)) {
            return failure(results, held, "legs could not be matched");
        }
        BigDecimal cost = rollback(legs, results, held);
        verifyFlat(legs, before, held);
        return new AtomicResult(false, results, held, imbalance(held), false, true, cost, window(firstFill[0]),
                "hedge failed or took too long: filled legs rolled back");
    }

    /** Brings every short leg up to {@code target} tokens; updates {@code held} with what was achieved. */
    private void hedge(List<LegSpec> legs, List<BigDecimal> held, BigDecimal target, boolean reduceOnly) {
        for (int i = 0; i < legs.size(); i++) {
            LegSpec leg = legs.get(i);
            Instrument instrument = leg.instrument();
            BigDecimal missing = instrument.roundQuantityDown(instrument.fromTokens(target.subtract(held.get(i))));
            if (missing.signum() <= 0) {
                continue;
            }
            ExecutionResult hedge = executor.execute(new ExecutionRequest(leg.venue(), instrument, leg.side(), missing,
                    reduceOnly, ExecutionMode.AGGRESSIVE_LIMIT, leg.idPrefix() + "-h", "hedge", true)).join();
            held.set(i, held.get(i).add(instrument.toTokens(hedge.filledQuantity())));
            LOG.info("Hedged {} {} on {}: {} of {} contracts", leg.side(), instrument.symbol(), leg.venue(),
                    hedge.filledQuantity(), missing);
        }
    }

    /** Unwinds every filled leg with reduce-only market orders; returns the cost of doing so. */
    private BigDecimal rollback(List<LegSpec> legs, List<ExecutionResult> results, List<BigDecimal> held) {
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < legs.size(); i++) {
            LegSpec leg = legs.get(i);
            Instrument instrument = leg.instrument();
            BigDecimal contracts = instrument.roundQuantityDown(instrument.fromTokens(held.get(i)));
            if (contracts.signum() <= 0) {
                continue;
            }
            ExecutionResult unwind = executor.execute(new ExecutionRequest(leg.venue(), instrument, leg.side().opposite(),
                    contracts, true, ExecutionMode.MARKET, leg.idPrefix() + "-rb", "rollback", true)).join();
            held.set(i, held.get(i).subtract(instrument.toTokens(unwind.filledQuantity())));
            BigDecimal entry = results.get(i).averagePrice();
            if (entry != null && unwind.averagePrice() != null) {
                cost = cost.add(unwind.averagePrice().subtract(entry).abs().multiply(unwind.filledQuantity())
                        .multiply(instrument.quantityMultiplier())).add(unwind.fees());
            }
            LOG.warn("Rolled back {} {} on {}: {} contracts", leg.side(), instrument.symbol(), leg.venue(),
                    unwind.filledQuantity());
        }
        return cost;
    }

    /** Signed position of each leg's market now (0 when none or unknown). */
    private List<BigDecimal> positionsOf(List<LegSpec> legs) {
        List<BigDecimal> quantities = new ArrayList<>();
        for (LegSpec leg : legs) {
            try {
                List<Position> positions = venues.get(leg.venue()).positions().get(10, TimeUnit.SECONDS);
                quantities.add(positions.stream().filter(p -> p.symbol().equals(leg.instrument().symbol()))
                        .map(Position::quantity).findFirst().orElse(BigDecimal.ZERO));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException(leg.venue() + ": positions unavailable: "
                        + ExchangeException.unwrap(e).getMessage(), e);
            }
        }
        return quantities;
    }

    /**
     * After a rollback, checks with position snapshots (not our own fill arithmetic) that each leg is back where it
     * started; what is left is reported as held tokens, and logged loudly.
     */
    private void verifyFlat(List<LegSpec> legs, List<BigDecimal> before, List<BigDecimal> held) {
        List<BigDecimal> after = positionsOf(legs);
        for (int i = 0; i < legs.size(); i++) {
            BigDecimal residual = after.get(i).subtract(before.get(i)).abs();
            held.set(i, legs.get(i).instrument().toTokens(residual));
            if (residual.signum() != 0) {
                LOG.error("Rollback left {} contracts of {} on {}: manual attention needed", residual,
                        legs.get(i).instrument().symbol(), legs.get(i).venue());
            }
        }
    }

    /** Leverage normalized and set, margin with buffer available, minimum notional met, spreads acceptable. */
    private String preflight(List<LegSpec> legs, BigDecimal tokens) {
        int leverage = legs.stream().mapToInt(l -> l.instrument().maxLeverage()).min().orElse(1);
        leverage = Math.min(leverage, settings.maxLeverage());
        for (LegSpec leg : legs) {
            ExchangeClient client = venues.get(leg.venue());
            if (client == null) {
                return "no venue named " + leg.venue();
            }
            try {
                Bbo bbo = client.bbo(leg.instrument().symbol()).get(10, TimeUnit.SECONDS);
                String wide = SpreadGuard.check(bbo, false);
                if (wide != null) {
                    return wide;
                }
                BigDecimal contracts = leg.instrument().fromTokens(tokens);
                BigDecimal depth = client.orderBook(leg.instrument().symbol(), DEPTH_LEVELS).get(10, TimeUnit.SECONDS)
                        .levels(leg.side()).stream().map(PriceLevel::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (depth.compareTo(contracts) < 0) {
                    return leg.venue() + ": only " + depth.toPlainString() + " contracts in the top " + DEPTH_LEVELS
                            + " levels for " + contracts.toPlainString();
                }
                BigDecimal notional = tokens.multiply(bbo.mid());
                if (notional.compareTo(leg.instrument().minNotional()) < 0) {
                    return leg.venue() + ": notional " + notional.toPlainString() + " is below the minimum "
                            + leg.instrument().minNotional().toPlainString();
                }
                int applied = client.setLeverage(leg.instrument().symbol(), leverage).get(10, TimeUnit.SECONDS);
                BigDecimal margin = notional.divide(BigDecimal.valueOf(applied), MathContext.DECIMAL64)
                        .multiply(settings.balanceBuffer());
                BigDecimal available = client.balances().get(10, TimeUnit.SECONDS).stream().map(Balance::available)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (available.compareTo(margin) < 0) {
                    return leg.venue() + ": needs " + margin.setScale(2, java.math.RoundingMode.UP).toPlainString()
                            + " margin with the 5 % buffer, " + available.toPlainString() + " available";
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return leg.venue() + ": " + ExchangeException.unwrap(e).getMessage();
            }
        }
        return null;
    }

    private boolean isBalanced(List<BigDecimal> held) {
        return imbalance(held).compareTo(settings.imbalanceTolerance()) <= 0;
    }

    /** (max − min) / max over the legs' tokens; 0 when nothing is held. */
    static BigDecimal imbalance(List<BigDecimal> held) {
        BigDecimal max = held.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal min = held.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        return max.signum() == 0 ? BigDecimal.ZERO : max.subtract(min).divide(max, MathContext.DECIMAL64);
    }

    private static Duration window(Instant firstFill) {
        return firstFill == null ? Duration.ZERO : Duration.between(firstFill, Instant.now());
    }

    private static List<BigDecimal> zeros(int n) {
        List<BigDecimal> zeros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            zeros.add(BigDecimal.ZERO);
        }
        return zeros;
    }

    private static AtomicResult failure(List<ExecutionResult> results, List<BigDecimal> held, String error) {
        return new AtomicResult(false, results, held, imbalance(held), false, false, BigDecimal.ZERO, Duration.ZERO,
                error);
    }
}

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
import java.math.RoundingMode;
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
 * hedge fails, is refused (trading halted) or the unhedged window runs too long, the filled legs rolled back with
 * protective reduce-only market orders.
 *
 * <p>Whatever happens on the way (a leg's execution failing, a venue unreachable), the outcome says what is held:
 * when an entry cannot be sure from its own fills, the legs' tokens come from the venues' position reports, and a
 * result that could not be confirmed says so ({@link AtomicResult#confirmed()}).
 */
public final class AtomicExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicExecutor.class);
    private static final int DEPTH_LEVELS = 20;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

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
        return execute(new AtomicRequest(legs, tokens, reduceOnly, 0, false));
    }

    public CompletableFuture<AtomicResult> execute(AtomicRequest request) {
        return CompletableFuture.supplyAsync(() -> run(request), workers);
    }

    private AtomicResult run(AtomicRequest request) {
        List<LegSpec> legs = request.legs();
        if (legs.isEmpty()) {
            return new AtomicResult(true, List.of(), List.of(), BigDecimal.ZERO, false, false, BigDecimal.ZERO,
                    Duration.ZERO, null, true);
        }
        List<BigDecimal> before = null;
        Map<String, Bbo> books = new java.util.concurrent.ConcurrentHashMap<>();
        if (!request.reduceOnly()) {
            String problem = preflight(legs, request.tokens(), leverageFor(request), books);
            if (problem != null) {
                return failure(List.of(), zeros(legs.size()), "pre-flight check failed: " + problem, true);
            }
            try {
                before = positionsOf(legs);
            } catch (RuntimeException e) {
                return failure(List.of(), zeros(legs.size()), "pre-flight check failed: " + e.getMessage(), true);
            }
        }
        Instant[] firstFill = new Instant[1];
        List<ExecutionResult> results = new ArrayList<>();
        List<BigDecimal> held = new ArrayList<>();
        try {
            results.addAll(runLegs(request, firstFill, books));
            for (int i = 0; i < legs.size(); i++) {
                held.add(legs.get(i).instrument().toTokens(results.get(i).filledQuantity()));
            }
            return settle(request, results, held, before, firstFill[0]);
        } catch (RuntimeException e) {
            // an unexpected failure after orders may have filled: find out what is held and take it off again
            LOG.error("Two-leg {} of {} failed midway: {}", request.reduceOnly() ? "close" : "entry",
                    legs.get(0).instrument().symbol(), e.getMessage(), e);
            return recover(request, results, before, firstFill[0], e.getMessage());
        }
    }

    /** Sends every leg at once; the first leg to fill stops the others (also when a leg's execution fails). */
    private List<ExecutionResult> runLegs(AtomicRequest request, Instant[] firstFill, Map<String, Bbo> books) {
        List<AtomicBoolean> stops = new ArrayList<>();
        List<CompletableFuture<ExecutionResult>> running = new ArrayList<>();
        for (LegSpec leg : request.legs()) {
            AtomicBoolean stop = new AtomicBoolean();
            stops.add(stop);
            BigDecimal quantity = leg.instrument().roundQuantityDown(leg.instrument().fromTokens(request.tokens()));
            // the pre-flight just read each leg's book: the legs start from it instead of another round trip
            running.add(executor.execute(new ExecutionRequest(leg.venue(), leg.instrument(), leg.side(), quantity,
                    request.reduceOnly(), leg.mode(), leg.idPrefix(), request.reduceOnly() ? "close" : "entry", false,
                    leg.limitPrice(), request.reduceOnly() && request.protective(), books.get(leg.venue())), stop));
        }
        for (CompletableFuture<ExecutionResult> leg : running) {
            leg.whenComplete((result, failure) -> {
                if (result != null && result.filledQuantity().signum() > 0) {
                    synchronized (firstFill) {
                        if (firstFill[0] == null) {
                            firstFill[0] = Instant.now();
                        }
                    }
                }
                if (failure != null || result.filled()) {
                    stops.forEach(s -> s.set(true));  // one leg is in (or broke): stop the others, settle instead
                }
            });
        }
        List<ExecutionResult> results = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            LegSpec leg = request.legs().get(i);
            results.add(running.get(i).handle((result, failure) -> result != null ? result
                    : unknownLeg(leg, ExchangeException.unwrap(failure).getMessage())).join());
        }
        synchronized (firstFill) {
            if (firstFill[0] == null && results.stream().anyMatch(r -> r.filledQuantity().signum() > 0)) {
                firstFill[0] = Instant.now();
            }
        }
        return results;
    }

    private AtomicResult settle(AtomicRequest request, List<ExecutionResult> results, List<BigDecimal> held,
            List<BigDecimal> before, Instant firstFill) {
        List<LegSpec> legs = request.legs();
        BigDecimal tokens = request.tokens();
        boolean uncertain = results.stream().anyMatch(r -> !r.settled());
        if (uncertain && before != null) {
            // an order may still fill at the venue: what the venue holds decides, not our fill arithmetic
            List<BigDecimal> now = positionsOf(legs);
            for (int i = 0; i < legs.size(); i++) {
                held.set(i, legs.get(i).instrument().toTokens(now.get(i).subtract(before.get(i)).abs()));
            }
        }
        if (isBalanced(held) && held.stream().allMatch(t -> t.compareTo(tokens.multiply(new BigDecimal("0.99"))) >= 0)) {
            return new AtomicResult(true, results, held, imbalance(held), false, false, BigDecimal.ZERO,
                    window(firstFill), null, !uncertain);
        }
        BigDecimal target = held.stream().max(BigDecimal::compareTo).orElseThrow().min(tokens);
        boolean withinWindow = firstFill == null
                || Duration.between(firstFill, Instant.now()).compareTo(settings.maxExposureWindow()) < 0;
        if (target.signum() > 0 && withinWindow) {
            hedge(legs, held, target, request);
            if (isBalanced(held)) {
                return new AtomicResult(true, results, held, imbalance(held), true, false, BigDecimal.ZERO,
                        window(firstFill), null, !uncertain);
            }
        }
        if (request.reduceOnly() || held.stream().allMatch(t -> t.signum() == 0) && !uncertain) {
            return failure(results, held, "legs could not be matched", !uncertain);
        }
        BigDecimal cost = rollback(legs, results, held);
        boolean confirmed = verifyFlat(legs, before, held);
        boolean flat = confirmed && held.stream().allMatch(t -> t.signum() == 0);
        String error = flat ? "hedge failed, was refused or took too long: filled legs rolled back"
                : "hedge failed and the rollback left " + describe(legs, held) + (confirmed ? "" : " (unconfirmed)")
                        + ": naked exposure needs attention";
        if (!flat) {
            executor.alert(legs.get(0).instrument().symbol() + " entry: " + error);
        }
        return new AtomicResult(false, results, held, imbalance(held), false, true, cost, window(firstFill), error,
                confirmed);
    }

    /** After an unexpected failure: what the venues hold now is rolled back, as far as it can be found out. */
    private AtomicResult recover(AtomicRequest request, List<ExecutionResult> results, List<BigDecimal> before,
            Instant firstFill, String why) {
        List<LegSpec> legs = request.legs();
        List<BigDecimal> held = new ArrayList<>(zeros(legs.size()));
        if (request.reduceOnly() || before == null) {
            return failure(results, held, "failed midway (" + why + "); the legs' holdings are unknown", false);
        }
        try {
            List<BigDecimal> now = positionsOf(legs);
            for (int i = 0; i < legs.size(); i++) {
                held.set(i, legs.get(i).instrument().toTokens(now.get(i).subtract(before.get(i)).abs()));
            }
            if (held.stream().allMatch(t -> t.signum() == 0)) {
                return failure(results, held, "failed midway (" + why + "); nothing was filled", true);
            }
            BigDecimal cost = rollback(legs, results, held);
            boolean confirmed = verifyFlat(legs, before, held);
            boolean flat = confirmed && held.stream().allMatch(t -> t.signum() == 0);
            String error = "failed midway (" + why + "); " + (flat ? "filled legs rolled back"
                    : "the rollback left " + describe(legs, held) + ": naked exposure needs attention");
            if (!flat) {
                executor.alert(legs.get(0).instrument().symbol() + ": " + error);
            }
            return new AtomicResult(false, results, held, imbalance(held), false, true, cost, window(firstFill),
                    error, confirmed);
        } catch (RuntimeException e) {
            String error = "failed midway (" + why + ") and the venues' positions are unavailable ("
                    + e.getMessage() + "): the legs' holdings are unknown";
            executor.alert(legs.get(0).instrument().symbol() + ": " + error);
            return failure(results, held, error, false);
        }
    }

    /** Brings every short leg up to {@code target} tokens; updates {@code held} with what was achieved. */
    private void hedge(List<LegSpec> legs, List<BigDecimal> held, BigDecimal target, AtomicRequest request) {
        for (int i = 0; i < legs.size(); i++) {
            LegSpec leg = legs.get(i);
            Instrument instrument = leg.instrument();
            BigDecimal missing = instrument.roundQuantityDown(instrument.fromTokens(target.subtract(held.get(i))));
            if (missing.signum() <= 0) {
                continue;
            }
            ExecutionResult hedge = executor.execute(new ExecutionRequest(leg.venue(), instrument, leg.side(), missing,
                    request.reduceOnly(), ExecutionMode.AGGRESSIVE_LIMIT, leg.idPrefix() + "-h", "hedge", true, null,
                    request.reduceOnly() && request.protective())).join();
            held.set(i, held.get(i).add(instrument.toTokens(hedge.filledQuantity())));
            LOG.info("Hedged {} {} on {}: {} of {} contracts{}", leg.side(), instrument.symbol(), leg.venue(),
                    hedge.filledQuantity(), missing, hedge.error() == null ? "" : " (" + hedge.error() + ")");
        }
    }

    /** Unwinds every filled leg with protective reduce-only market orders; returns the cost of doing so. */
    private BigDecimal rollback(List<LegSpec> legs, List<ExecutionResult> results, List<BigDecimal> held) {
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < legs.size(); i++) {
            LegSpec leg = legs.get(i);
            Instrument instrument = leg.instrument();
            BigDecimal contracts = instrument.roundQuantityDown(instrument.fromTokens(held.get(i)));
            if (contracts.signum() <= 0) {
                continue;
            }
            ExecutionResult unwind = executor.execute(ExecutionRequest.protective(leg.venue(), instrument,
                    leg.side().opposite(), contracts, ExecutionMode.MARKET, leg.idPrefix() + "-rb", "rollback")).join();
            held.set(i, held.get(i).subtract(instrument.toTokens(unwind.filledQuantity())));
            BigDecimal entry = i < results.size() ? results.get(i).averagePrice() : null;
            if (entry != null && unwind.averagePrice() != null) {
                cost = cost.add(unwind.averagePrice().subtract(entry).abs().multiply(unwind.filledQuantity())
                        .multiply(instrument.quantityMultiplier())).add(unwind.fees());
            }
            LOG.warn("Rolled back {} {} on {}: {} contracts{}", leg.side(), instrument.symbol(), leg.venue(),
                    unwind.filledQuantity(), unwind.error() == null ? "" : " (" + unwind.error() + ")");
        }
        return cost;
    }

    /** Signed position of each leg's market now (0 when none); fails when a venue cannot say. */
    private List<BigDecimal> positionsOf(List<LegSpec> legs) {
        List<BigDecimal> quantities = new ArrayList<>();
        for (LegSpec leg : legs) {
            try {
                List<Position> positions = venues.get(leg.venue()).positions().get(CALL_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
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
     * started; what is left is reported as held tokens, and logged loudly. Returns whether the check could be made.
     */
    private boolean verifyFlat(List<LegSpec> legs, List<BigDecimal> before, List<BigDecimal> held) {
        if (before == null) {
            return false;
        }
        List<BigDecimal> after;
        try {
            after = positionsOf(legs);
        } catch (RuntimeException e) {
            LOG.error("Rollback could not be verified: {}", e.getMessage());
            return false;
        }
        for (int i = 0; i < legs.size(); i++) {
            BigDecimal residual = after.get(i).subtract(before.get(i)).abs();
            held.set(i, legs.get(i).instrument().toTokens(residual));
            if (residual.signum() != 0) {
                LOG.error("Rollback left {} contracts of {} on {}: manual attention needed", residual,
                        legs.get(i).instrument().symbol(), legs.get(i).venue());
            }
        }
        return true;
    }

    /** The leverage an entry trades at: the caller's decision, else the lowest maximum of the venues, capped. */
    private int leverageFor(AtomicRequest request) {
        if (request.leverage() > 0) {
            return request.leverage();
        }
        int leverage = request.legs().stream().mapToInt(l -> l.instrument().maxLeverage()).min().orElse(1);
        return Math.max(1, Math.min(leverage, settings.maxLeverage()));
    }

    /**
     * Leverage set (the venue must apply exactly it), margin with buffer available, minimum notional, spreads; the
     * legs are checked in parallel, and each leg's book is kept for its execution.
     */
    private String preflight(List<LegSpec> legs, BigDecimal tokens, int leverage, Map<String, Bbo> books) {
        List<CompletableFuture<String>> checks = legs.stream()
                .map(leg -> CompletableFuture.supplyAsync(() -> preflight(leg, tokens, leverage, books), workers))
                .toList();
        return checks.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private String preflight(LegSpec leg, BigDecimal tokens, int leverage, Map<String, Bbo> books) {
        ExchangeClient client = venues.get(leg.venue());
        if (client == null) {
            return "no venue named " + leg.venue();
        }
        try {
            Bbo bbo = client.bbo(leg.instrument().symbol()).get(10, TimeUnit.SECONDS);
            books.put(leg.venue(), bbo);
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
            if (applied != leverage) {
                return leg.venue() + ": applied " + applied + "x leverage instead of the " + leverage
                        + "x the position was sized for";
            }
            BigDecimal margin = notional.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL64)
                    .multiply(settings.balanceBuffer());
            BigDecimal available = client.balances().get(10, TimeUnit.SECONDS).stream().map(Balance::available)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (available.compareTo(margin) < 0) {
                return leg.venue() + ": needs " + margin.setScale(2, RoundingMode.UP).toPlainString()
                        + " margin with the 5 % buffer at " + leverage + "x, " + available.toPlainString()
                        + " available";
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return leg.venue() + ": " + ExchangeException.unwrap(e).getMessage();
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

    private static String describe(List<LegSpec> legs, List<BigDecimal> held) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < legs.size(); i++) {
            if (held.get(i).signum() != 0) {
                text.append(text.isEmpty() ? "" : ", ").append(held.get(i).toPlainString()).append(" tokens on ")
                        .append(legs.get(i).venue());
            }
        }
        return text.isEmpty() ? "nothing" : text.toString();
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

    /** A leg whose execution failed outright: nothing is known of its fills (the positions decide). */
    private static ExecutionResult unknownLeg(LegSpec leg, String why) {
        return new ExecutionResult(false, BigDecimal.ZERO, null, BigDecimal.ZERO, null, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, leg.mode(), Duration.ZERO, List.of(), why,
                List.of(leg.idPrefix() + "-*"));
    }

    private static AtomicResult failure(List<ExecutionResult> results, List<BigDecimal> held, String error,
            boolean confirmed) {
        return new AtomicResult(false, results, held, imbalance(held), false, false, BigDecimal.ZERO, Duration.ZERO,
                error, confirmed);
    }
}

package dev.perpflow.fundingarb;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.AtomicSettings;
import dev.perpflow.execution.ExecutorSettings;
import dev.perpflow.execution.InMemoryOrderJournal;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.funding.LatestRate;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.funding.OpportunityFinder;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two simulated venues for funding-arbitrage tests — {@code a} where longs pay (+0.0003 per 8 h) and {@code c}
 * where shorts pay (−0.0003) — on one simulated clock that a background thread runs at 200× (one simulated second
 * every 5 ms), so resting limit orders fill on the random walk and funding settles every minute.
 */
final class ArbSimVenues implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final BigDecimal MAKER = new BigDecimal("0.00005");
    static final BigDecimal TAKER = new BigDecimal("0.0004");

    final SimClock clock = new SimClock(START);
    final SimExchangeClient a = SimExchangeClient.manual(venue("a", 7, "0.0003"), clock);
    final SimExchangeClient c = SimExchangeClient.manual(venue("c", 9, "-0.0003"), clock);
    final Map<String, ExchangeClient> venues = Map.of("a", a, "c", c);
    final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    final InMemoryArbPositionStore store = new InMemoryArbPositionStore();
    final List<ArbEvent> events = new CopyOnWriteArrayList<>();
    final FeeSchedule fees = FeeSchedule.defaults().withOverride("a", MAKER, TAKER).withOverride("c", MAKER, TAKER);
    final TestFunding funding = new TestFunding();
    private final ExecutorService workers = Executors.newFixedThreadPool(6);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    final OrderGateway gateway = new OrderGateway(venues, journal,
            new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000), TradingStateStore.inMemory(),
                    Clock.systemUTC()), m -> { }, clock, 3, Duration.ofMillis(10));
    final OrderExecutor orders = new OrderExecutor(gateway, venues, ExecutorSettings.seed()
            .withPollInterval(Duration.ofMillis(10))
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100)),
            workers);
    final AtomicExecutor atomic = new AtomicExecutor(orders, venues, AtomicSettings.seed(), workers);

    ArbSimVenues() {
        funding.set("a", "BTC", "0.0003");
        funding.set("c", "BTC", "-0.0003");
        ticker.scheduleAtFixedRate(() -> clock.advance(Duration.ofSeconds(1)), 5, 5, TimeUnit.MILLISECONDS);
    }

    private static SimVenueConfig venue(String name, long seed, String bias) {
        return SimVenueConfig.defaults(name, seed).withFundingBias(new BigDecimal(bias))
                .withSettlementPeriod(Duration.ofMinutes(1)).withPriceProcess(Duration.ofSeconds(1), 0.0003);
    }

    FundingArbEngine engine(String runId, Map<String, Object> overrides) {
        return engine(runId, config(overrides));
    }

    FundingArbEngine engine(String runId, FundingArbConfig config) {
        return new FundingArbEngine(runId, config, venues, atomic, orders, gateway, store, funding, fees, clock,
                events::add, () -> true);
    }

    static FundingArbConfig config(Map<String, Object> overrides) {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("scan_exchanges", List.of("a", "c"));
        raw.put("target_margin", 40);
        raw.put("max_positions", 1);
        raw.put("min_profit_rate", 0.14);
        raw.put("check_interval_seconds", 10);
        raw.put("min_volume_24h", 0);
        raw.put("min_oi_usd", 0);
        raw.putAll(overrides);
        return FundingArbConfig.fromMap(raw);
    }

    /** Ticks the engine until {@code done} holds, at most {@code limit} of wall time. */
    void tickUntil(FundingArbEngine engine, java.util.function.BooleanSupplier done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + limit + "; events: " + events);
            }
            engine.tick();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Optional<ArbPosition> only(ArbPosition.Status status) {
        return store.all().stream().filter(p -> p.status() == status).findFirst();
    }

    List<ArbEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    static BigDecimal quantity(SimExchangeClient venue, String symbol) {
        return venue.exchange().positions().stream().filter(p -> p.symbol().equals(symbol)).map(Position::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    static BigDecimal balance(SimExchangeClient venue) {
        return venue.exchange().balances().stream().map(Balance::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        a.close();
        c.close();
    }

    /** Funding data the test controls: 8-hour rates per venue and symbol, ranked with the real finder. */
    static final class TestFunding implements FundingView {
        private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
        private final OpportunityFinder finder = new OpportunityFinder(FeeSchedule.defaults()
                .withOverride("a", MAKER, TAKER).withOverride("c", MAKER, TAKER));

        void set(String venue, String symbol, String rate) {
            rates.put(venue + "/" + symbol, new BigDecimal(rate));
        }

        @Override
        public List<Opportunity> opportunities(OpportunityFilter filter) {
            List<LatestRate> latest = new ArrayList<>();
            rates.forEach((key, rate) -> {
                String[] parts = key.split("/");
                latest.add(new LatestRate(parts[0], parts[1], rate, 8, new BigDecimal("1000000000"),
                        new BigDecimal("1000000000"), null, START));
            });
            return finder.find(latest, filter, START);
        }

        @Override
        public Optional<BigDecimal> rate8h(String venue, String symbol) {
            return Optional.ofNullable(rates.get(venue + "/" + symbol));
        }

        @Override
        public void markUntradeable(String venue, String symbol) {
            finder.markUntradeable(venue, symbol);
        }
    }
}

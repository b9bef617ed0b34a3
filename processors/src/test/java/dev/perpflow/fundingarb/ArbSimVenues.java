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
 * every 5 ms), so resting limit orders fill on the random walk and funding settles every minute (or every
 * {@code settlementPeriod}: a long period and {@link #settleFunding()} make settlements happen only between two
 * engine ticks, never while a close is working).
 */
final class ArbSimVenues implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final BigDecimal MAKER = new BigDecimal("0.00005");
    static final BigDecimal TAKER = new BigDecimal("0.0004");

    final SimClock clock = new SimClock(START);
    final SimExchangeClient a;
    final SimExchangeClient c;
    final Map<String, ExchangeClient> venues;
    final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    final InMemoryArbPositionStore store = new InMemoryArbPositionStore();
    final List<ArbEvent> events = new CopyOnWriteArrayList<>();
    final FeeSchedule fees = FeeSchedule.defaults().withOverride("a", MAKER, TAKER).withOverride("c", MAKER, TAKER);
    final TestFunding funding = new TestFunding();
    final dev.perpflow.risk.MarketClaims claims = dev.perpflow.risk.MarketClaims.inMemory();
    final RiskGuard risk = new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000), TradingStateStore.inMemory(),
            Clock.systemUTC());
    private final ExecutorService workers = Executors.newFixedThreadPool(6);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    final OrderGateway gateway;
    final OrderExecutor orders;
    final AtomicExecutor atomic;

    ArbSimVenues() {
        this(Duration.ofMinutes(1));
    }

    /** @param settlementPeriod simulated time between two funding settlements on both venues */
    ArbSimVenues(Duration settlementPeriod) {
        this(settlementPeriod, 20, 20);
    }

    /** Venues whose markets allow at most {@code maxLeverageA} and {@code maxLeverageC}. */
    ArbSimVenues(Duration settlementPeriod, int maxLeverageA, int maxLeverageC) {
        a = SimExchangeClient.manual(venue("a", 7, "0.0003", settlementPeriod)
                .withMarkets(m -> m.withMaxLeverage(maxLeverageA)), clock);
        c = SimExchangeClient.manual(venue("c", 9, "-0.0003", settlementPeriod)
                .withMarkets(m -> m.withMaxLeverage(maxLeverageC)), clock);
        venues = Map.of("a", a, "c", c);
        gateway = new OrderGateway(venues, journal, risk, m -> { }, clock, 3, Duration.ofMillis(10));
        orders = new OrderExecutor(gateway, venues, ExecutorSettings.seed()
                .withPollInterval(Duration.ofMillis(10))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100)),
                workers);
        atomic = new AtomicExecutor(orders, venues, AtomicSettings.seed(), workers);
        funding.set("a", "BTC", "0.0003");
        funding.set("c", "BTC", "-0.0003");
        ticker.scheduleAtFixedRate(() -> advance(Duration.ofSeconds(1)), 5, 5, TimeUnit.MILLISECONDS);
    }

    private static SimVenueConfig venue(String name, long seed, String bias, Duration settlementPeriod) {
        return SimVenueConfig.defaults(name, seed).withFundingBias(new BigDecimal(bias))
                .withSettlementPeriod(settlementPeriod).withPriceProcess(Duration.ofSeconds(1), 0.0003);
    }

    /** Moves the shared clock; the only writer besides the ticker, so no step is lost to a race. */
    synchronized void advance(Duration duration) {
        clock.advance(duration);
    }

    /**
     * Jumps the clock just past the venues' next funding settlement and lets both venues run it. Called from the
     * test thread between two engine ticks, so the settlement lands on an open position and not during a close.
     */
    void settleFunding() {
        Instant next = a.exchange().fundingRates().stream().filter(r -> r.symbol().equals("BTC")).findFirst()
                .orElseThrow().nextFundingTime();
        int settledA = a.exchange().settlements().size();
        int settledC = c.exchange().settlements().size();
        synchronized (this) {
            if (clock.instant().isBefore(next)) {
                clock.set(next.plusSeconds(1));
            }
        }
        a.advance(Duration.ZERO);
        c.advance(Duration.ZERO);
        if (a.exchange().settlements().size() <= settledA || c.exchange().settlements().size() <= settledC) {
            throw new AssertionError("no funding settled at " + next + " (is a position open on both venues?)");
        }
    }

    /** Jumps the clock ahead (between two engine ticks: the venues run every price step in between). */
    void jump(Duration duration) {
        advance(duration);
        a.advance(Duration.ZERO);
        c.advance(Duration.ZERO);
    }

    FundingArbEngine engine(String runId, Map<String, Object> overrides) {
        return engine(runId, config(overrides));
    }

    FundingArbEngine engine(String runId, FundingArbConfig config) {
        return new FundingArbEngine(runId, config, venues, atomic, orders, gateway, store, funding, fees, clock,
                events::add, () -> true, claims);
    }

    /**
     * An engine that enters until it holds its first position and never again, so a test can check that the venues
     * are flat once that position closed and that their balances moved by exactly its PnL.
     */
    FundingArbEngine singlePositionEngine(String runId, Map<String, Object> overrides) {
        return new FundingArbEngine(runId, config(overrides), venues, atomic, orders, gateway, store, funding, fees,
                clock, events::add, () -> store.all().stream().noneMatch(p -> runId.equals(p.runId())
                        && p.status() != ArbPosition.Status.FAILED), claims);
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

    /** Both venues' account value. */
    BigDecimal totalBalance() {
        return balance(a).add(balance(c));
    }

    SimExchangeClient client(String venue) {
        return switch (venue) {
            case "a" -> a;
            case "c" -> c;
            default -> throw new IllegalArgumentException(venue);
        };
    }

    /** The kill switch over this account's gateway. */
    dev.perpflow.execution.TradingControl control() {
        return new dev.perpflow.execution.TradingControl(risk, gateway);
    }

    /** The venue's working orders (any symbol). */
    List<dev.perpflow.exchange.model.Order> open(String venue) {
        return client(venue).exchange().openOrders(null);
    }

    /** The venue's own view of its BTC position, if it holds one. */
    Optional<Position> position(String venue) {
        return client(venue).exchange().positions().stream().filter(p -> p.symbol().equals("BTC")).findFirst();
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

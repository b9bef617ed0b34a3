package dev.perpflow.app.bench;

import dev.perpflow.app.execution.JdbcOrderJournal;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.AtomicResult;
import dev.perpflow.execution.AtomicSettings;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutorSettings;
import dev.perpflow.execution.LegSpec;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two-leg entries against two simulated venues with 200 ms ± 50 ms latency per call, journaled in a real
 * PostgreSQL. Measures (1) our overhead: time to both acks minus the slower leg's own venue latency (target p99
 * ≤ 20 ms), and (2) the unhedged exposure window of full atomic entries. Run with the app's benchmark profile.
 */
public final class TwoLegEntryBenchmark {

    static final int WARMUP = 20;
    static final int MEASURED = 100;

    private TwoLegEntryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (TestDatabase db = TestDatabase.start();
             SimExchangeClient a = SimExchangeClient.realTime(venue("a", 1));
             SimExchangeClient b = SimExchangeClient.realTime(venue("b", 2))) {
            Timed ta = new Timed(a);
            Timed tb = new Timed(b);
            Map<String, ExchangeClient> venues = Map.of("a", ta, "b", tb);
            OrderGateway gateway = new OrderGateway(venues, new JdbcOrderJournal(db.database().dataSource()),
                    new RiskGuard(new RiskLimits(new BigDecimal("100000000"), 10_000), TradingStateStore.inMemory(),
                            Clock.systemUTC()), m -> { }, Clock.systemUTC(), 3, Duration.ofMillis(50));
            long[] overhead = new long[MEASURED];
            for (int i = -WARMUP; i < MEASURED; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                long t0 = System.nanoTime();
                CompletableFuture<Order> longLeg = gateway.submit(intent("a", "ov" + i + "-a", side));
                CompletableFuture<Order> shortLeg = gateway.submit(intent("b", "ov" + i + "-b", side.opposite()));
                CompletableFuture.allOf(longLeg, shortLeg).join();
                long both = System.nanoTime() - t0;
                long slower = Math.max(ta.lastSubmitNanos, tb.lastSubmitNanos);
                if (i >= 0) {
                    overhead[i] = both - slower;
                }
            }
            Arrays.sort(overhead);
            System.out.printf("two-leg entry overhead (both acks − slower leg's venue latency): p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms%n", overhead[MEASURED / 2] / 1e6, overhead[(int) (MEASURED * 0.99)] / 1e6,
                    overhead[MEASURED - 1] / 1e6);

            OrderExecutor orders = new OrderExecutor(gateway, venues, ExecutorSettings.seed(), workers);
            AtomicExecutor atomic = new AtomicExecutor(orders, venues, AtomicSettings.seed(), workers);
            Instrument ia = a.exchange().instruments().get(0);
            Instrument ib = b.exchange().instruments().get(0);
            long[] windows = new long[MEASURED / 2];
            for (int i = 0; i < windows.length; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                AtomicResult result = atomic.execute(List.of(new LegSpec("a", ia, side, ExecutionMode.MARKET, "x" + i + "a"),
                        new LegSpec("b", ib, side.opposite(), ExecutionMode.MARKET, "x" + i + "b")),
                        new BigDecimal("0.01"), false).join();
                if (!result.success()) {
                    throw new IllegalStateException("atomic entry failed: " + result.error());
                }
                windows[i] = result.exposureWindow().toNanos();
            }
            Arrays.sort(windows);
            System.out.printf("atomic entry unhedged exposure window: p50 %.1f ms, p99 %.1f ms%n",
                    windows[windows.length / 2] / 1e6, windows[(int) (windows.length * 0.99)] / 1e6);
        } finally {
            workers.shutdownNow();
        }
    }

    private static SimVenueConfig venue(String name, long seed) {
        return SimVenueConfig.defaults(name, seed).withInitialBalance(new BigDecimal("100000000"))
                .withLatency(Duration.ofMillis(200), Duration.ofMillis(50));
    }

    private static OrderIntent intent(String venue, String id, Side side) {
        return new OrderIntent(venue, OrderRequest.market(id, "BTC", side, new BigDecimal("0.01"), false), "bench",
                new BigDecimal("90000"), BigDecimal.ONE);
    }

    /** Records how long the venue itself took to answer the last submit. */
    static final class Timed implements ExchangeClient {
        private final ExchangeClient delegate;
        volatile long lastSubmitNanos;

        Timed(ExchangeClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<Order> submitOrder(OrderRequest request) {
            long t0 = System.nanoTime();
            return delegate.submitOrder(request).whenComplete((o, e) -> lastSubmitNanos = System.nanoTime() - t0);
        }

        @Override public String venue() { return delegate.venue(); }
        @Override public CompletableFuture<List<Instrument>> instruments() { return delegate.instruments(); }
        @Override public CompletableFuture<List<FundingRate>> fundingRates() { return delegate.fundingRates(); }
        @Override public CompletableFuture<List<MarketStats>> marketStats() { return delegate.marketStats(); }
        @Override public CompletableFuture<OrderBook> orderBook(String s, int d) { return delegate.orderBook(s, d); }
        @Override public CompletableFuture<Bbo> bbo(String s) { return delegate.bbo(s); }
        @Override public CompletableFuture<Order> cancelOrder(String s, String id) { return delegate.cancelOrder(s, id); }
        @Override public CompletableFuture<Order> queryOrder(String s, String id) { return delegate.queryOrder(s, id); }
        @Override public CompletableFuture<List<Order>> openOrders(String s) { return delegate.openOrders(s); }
        @Override public CompletableFuture<List<Position>> positions() { return delegate.positions(); }
        @Override public CompletableFuture<List<Balance>> balances() { return delegate.balances(); }
        @Override public CompletableFuture<List<Fill>> fillsSince(Instant t) { return delegate.fillsSince(t); }
        @Override public CompletableFuture<Integer> setLeverage(String s, int l) { return delegate.setLeverage(s, l); }
        @Override public Subscription subscribeBook(String s, BookListener l) { return delegate.subscribeBook(s, l); }
        @Override public Subscription subscribeOrders(OrderEventListener l) { return delegate.subscribeOrders(l); }
        @Override public boolean canTrade() { return delegate.canTrade(); }
        @Override public void close() { delegate.close(); }
    }
}

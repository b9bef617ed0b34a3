package dev.perpflow.app.bench;

import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.execution.JdbcOrderJournal;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.AtomicRequest;
import dev.perpflow.execution.AtomicResult;
import dev.perpflow.execution.AtomicSettings;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutionRequest;
import dev.perpflow.execution.ExecutionResult;
import dev.perpflow.execution.ExecutorSettings;
import dev.perpflow.execution.LegSpec;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The execution core against simulated venues answering every call after 200 ms ± 50 ms, journaled in a real
 * PostgreSQL through the app's own {@link ExecutionCore}:
 * <ol>
 *   <li>two-leg entries (both legs MARKET, sent together): time from sending to both legs' fills known, divided by
 *       the slower leg's own submit round trip — with fills from the private streams, and with the streams down
 *       (fills asked for by REST);</li>
 *   <li>the unhedged exposure window of full atomic entries with fills from the streams;</li>
 *   <li>HALT: from the command to every working order of three accounts (ten each) cancelled at the venue.</li>
 * </ol>
 * Run with the app's benchmark profile.
 */
public final class StreamFillsAndHaltBenchmark {

    static final int WARMUP = 10;
    static final int MEASURED = 60;

    private StreamFillsAndHaltBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService workers = Executors.newCachedThreadPool();
        try (TestDatabase db = TestDatabase.start()) {
            for (boolean streams : new boolean[] {true, false}) {
                entries(db, workers, streams);
            }
            halt(db);
        } finally {
            workers.shutdownNow();
        }
    }

    private static void entries(TestDatabase db, ExecutorService workers, boolean streams) throws Exception {
        try (SimExchangeClient a = SimExchangeClient.realTime(venue("a", 1));
             SimExchangeClient b = SimExchangeClient.realTime(venue("b", 2))) {
            TwoLegEntryBenchmark.Timed ta = new TwoLegEntryBenchmark.Timed(a);
            TwoLegEntryBenchmark.Timed tb = new TwoLegEntryBenchmark.Timed(b);
            Map<String, ExchangeClient> venues = Map.of("a", ta, "b", tb);
            String account = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            ExecutionCore core = new ExecutionCore(account, venues, new JdbcOrderJournal(db.database().dataSource(),
                    account), risk(), Duration.ofSeconds(60), Clock.systemUTC());
            if (!streams) {
                a.dropStreams();
                b.dropStreams();
            }
            Thread.sleep(500);
            OrderExecutor executor = new OrderExecutor(core.gateway(), venues, ExecutorSettings.seed(), workers);
            Instrument ia = a.exchange().instruments().get(0);
            Instrument ib = b.exchange().instruments().get(0);
            double[] ratio = new double[MEASURED];
            for (int i = -WARMUP; i < MEASURED; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                // the decision: both books read (as the atomic executor's pre-flight does), then both legs go
                var bookA = a.exchange().book("BTC", 1).bbo().orElseThrow();
                var bookB = b.exchange().book("BTC", 1).bbo().orElseThrow();
                long t0 = System.nanoTime();
                CompletableFuture<ExecutionResult> longLeg = executor.execute(new ExecutionRequest("a", ia, side,
                        new BigDecimal("0.01"), false, ExecutionMode.MARKET, "s" + streams + i + "a", "bench", false)
                        .withBook(bookA));
                CompletableFuture<ExecutionResult> shortLeg = executor.execute(new ExecutionRequest("b", ib,
                        side.opposite(), new BigDecimal("0.01"), false, ExecutionMode.MARKET, "s" + streams + i + "b",
                        "bench", false).withBook(bookB));
                ExecutionResult l = longLeg.join();
                ExecutionResult s = shortLeg.join();
                long both = System.nanoTime() - t0;
                if (!l.filled() || !s.filled() || l.fees().signum() == 0 || s.fees().signum() == 0) {
                    throw new IllegalStateException("entry without its fills: " + l + " / " + s);
                }
                long slower = Math.max(ta.lastSubmitNanos, tb.lastSubmitNanos);
                if (i >= 0) {
                    ratio[i] = (double) both / slower;
                }
            }
            Arrays.sort(ratio);
            System.out.printf("two-leg entry, fills %s: (send → both fills known) / slower leg's round trip: "
                    + "p50 %.3f, p99 %.3f, max %.3f%n", streams ? "from the streams" : "by REST (streams down)",
                    ratio[MEASURED / 2], ratio[(int) (MEASURED * 0.99)], ratio[MEASURED - 1]);

            if (streams) {
                AtomicExecutor atomic = new AtomicExecutor(executor, venues, AtomicSettings.seed(), workers);
                long[] windows = new long[MEASURED / 2];
                for (int i = 0; i < windows.length; i++) {
                    Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                    AtomicResult result = atomic.execute(AtomicRequest.open(List.of(
                            new LegSpec("a", ia, side, ExecutionMode.MARKET, "w" + i + "a"),
                            new LegSpec("b", ib, side.opposite(), ExecutionMode.MARKET, "w" + i + "b")),
                            new BigDecimal("0.01"), 5)).join();
                    if (!result.success()) {
                        throw new IllegalStateException("atomic entry failed: " + result.error());
                    }
                    windows[i] = result.exposureWindow().toNanos();
                }
                Arrays.sort(windows);
                System.out.printf("atomic entry unhedged exposure window, fills from the streams: p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", windows[windows.length / 2] / 1e6,
                        windows[(int) (windows.length * 0.99)] / 1e6, windows[windows.length - 1] / 1e6);
            }
            core.close();
        }
    }

    private static void halt(TestDatabase db) throws Exception {
        long[] millis = new long[5];
        for (int round = 0; round < millis.length; round++) {
            try (SimExchangeClient venue = SimExchangeClient.realTime(venue("h", 3))) {
                RiskGuard risk = risk();
                List<OrderGateway> gateways = new ArrayList<>();
                List<ExecutionCore> cores = new ArrayList<>();
                List<SimExchangeClient> accounts = new ArrayList<>();
                for (int n = 0; n < 3; n++) {
                    String account = "halt-" + round + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
                    SimExchangeClient client = venue.forAccount(account);
                    accounts.add(client);
                    ExecutionCore core = new ExecutionCore(account, Map.of("h", client),
                            new JdbcOrderJournal(db.database().dataSource(), account), risk, Duration.ofSeconds(60),
                            Clock.systemUTC());
                    cores.add(core);
                    gateways.add(core.gateway());
                    BigDecimal low = venue.exchange().book("BTC", 1).bbo().orElseThrow().bid()
                            .multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.DOWN);
                    List<CompletableFuture<?>> placed = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        placed.add(core.gateway().submit(new OrderIntent("h", OrderRequest.limit(account + "-" + i,
                                "BTC", Side.BUY, new BigDecimal("0.001"), low, TimeInForce.GTC), "bench", low,
                                BigDecimal.ONE)));
                    }
                    CompletableFuture.allOf(placed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                }
                long t0 = System.nanoTime();
                new TradingControl(risk, () -> gateways).halt("benchmark").get(30, TimeUnit.SECONDS);
                long elapsed = System.nanoTime() - t0;
                for (SimExchangeClient account : accounts) {
                    if (!account.exchange().openOrders(account.account(), null).isEmpty()) {
                        throw new IllegalStateException(account.account() + " still has working orders");
                    }
                }
                millis[round] = elapsed / 1_000_000;
                cores.forEach(ExecutionCore::close);
            }
        }
        Arrays.sort(millis);
        System.out.printf("HALT, 3 accounts × 10 working orders, venue at 200 ± 50 ms: command → all cancelled: "
                + "median %d ms, max %d ms (%s)%n", millis[millis.length / 2], millis[millis.length - 1],
                Arrays.toString(millis));
    }

    private static RiskGuard risk() {
        return new RiskGuard(new RiskLimits(new BigDecimal("100000000"), 10_000), TradingStateStore.inMemory(),
                Clock.systemUTC());
    }

    private static SimVenueConfig venue(String name, long seed) {
        return SimVenueConfig.defaults(name, seed).withInitialBalance(new BigDecimal("100000000"))
                .withLatency(Duration.ofMillis(200), Duration.ofMillis(50));
    }
}

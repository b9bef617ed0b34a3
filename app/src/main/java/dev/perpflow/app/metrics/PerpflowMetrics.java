package dev.perpflow.app.metrics;

import dev.perpflow.exchange.http.VenueRateLimits;
import dev.perpflow.execution.OrderAcks;
import dev.perpflow.risk.TradingState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * perpflow's own meters, in one place: every name, label and bucket of the {@code perpflow_*} metrics is here
 * (documented in docs/METRICS.md), recorded by the code where each fact is born (the funding store, the order
 * journal, the order gateway) and read from live state for the gauges ({@link MetricsSources}, refreshed just before
 * each scrape). Label values are bounded: venues, configured accounts, strategies and runs; never an order id or a
 * symbol.
 *
 * <p>Micrometer names are dotted; the Prometheus registry renders {@code perpflow.orders} as
 * {@code perpflow_orders_total} (counters get {@code _total}, timers {@code _seconds} with {@code _bucket},
 * {@code _count}, {@code _sum} and {@code _max}).
 */
public final class PerpflowMetrics implements OrderAcks {

    /** What became of an order, as the {@code outcome} label of {@code perpflow_orders_total}. */
    public enum OrderOutcome {
        SUBMITTED, FILLED, CANCELLED, REJECTED, UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String FUNDING_ROUNDS = "perpflow.funding.rounds";
    public static final String FUNDING_ROUND = "perpflow.funding.round";
    public static final String ORDERS = "perpflow.orders";
    public static final String ORDER_ACK = "perpflow.order.ack";
    public static final String STREAM_UP = "perpflow.stream.up";
    public static final String POSITIONS_OPEN = "perpflow.positions.open";
    public static final String POSITION_PNL = "perpflow.position.pnl.usd";
    public static final String TRADING_STATE = "perpflow.trading.state";
    public static final String NOTIFICATIONS_PENDING = "perpflow.notifications.pending";
    public static final String RATE_LIMITED = "perpflow.rate.limited";

    /** The {@code outcome} of a funding round that was stored. */
    public static final String ROUND_STORED = "stored";
    /** The {@code outcome} of a funding round that failed (poll failed or timed out, or could not be stored). */
    public static final String ROUND_FAILED = "failed";

    /** Histogram buckets of a funding round: a poll of a healthy venue takes tens of ms, a slow one seconds. */
    private static final Duration[] ROUND_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    /** Histogram buckets of an order acknowledgement: venues answer a submit in milliseconds to a few seconds. */
    private static final Duration[] ACK_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private MultiGauge streamsUp;
    private MultiGauge positionsOpen;
    private MultiGauge positionPnl;
    private MultiGauge tradingStates;
    private MetricsSources sources;
    /** Venues with a rate-limit counter, held here: a function counter holds its state object only weakly. */
    private List<String> rateLimitedVenues = List.of();
    private volatile long notificationsPending;

    public PerpflowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics that go nowhere (a registry with no backend): for code built without the app, e.g. in tests. */
    public static PerpflowMetrics discarding() {
        return new PerpflowMetrics(new CompositeMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A venue's funding round was stored; {@code took}: the venue's answer plus storing it. */
    public void fundingRoundStored(String venue, Duration took) {
        fundingRounds(venue, ROUND_STORED).increment();
        Timer.builder(FUNDING_ROUND).description("Time from a venue's funding poll to its round being stored")
                .tag("venue", venue).serviceLevelObjectives(ROUND_BUCKETS).register(registry).record(took);
    }

    /** A venue's funding round failed (the poll failed or timed out, or the round could not be stored). */
    public void fundingRoundFailed(String venue) {
        fundingRounds(venue, ROUND_FAILED).increment();
    }

    /** An order of {@code account} on {@code venue} was journaled as submitted, or reached an outcome. */
    public void order(String venue, String account, OrderOutcome outcome) {
        Counter.builder(ORDERS).description("Orders journaled as submitted, and the outcomes they reached")
                .tags("venue", venue, "account", account, "outcome", outcome.label()).register(registry).increment();
    }

    /** The order gateway's report: {@code venue} answered a submit after {@code elapsed}. */
    @Override
    public void acknowledged(String venue, Duration elapsed) {
        Timer.builder(ORDER_ACK).description("Time from sending an order to the venue's answer (placed or refused)")
                .tag("venue", venue).serviceLevelObjectives(ACK_BUCKETS).register(registry).record(elapsed);
    }

    /**
     * Registers the gauges over the app's live state and the rate-limit counter of each venue; the gauges take
     * their values at each {@link #refresh()}.
     */
    public synchronized void bind(MetricsSources sources, List<String> venues) {
        this.sources = sources;
        streamsUp = MultiGauge.builder(STREAM_UP)
                .description("1 while a venue stream is connected (for every account that uses it), 0 while down")
                .register(registry);
        positionsOpen = MultiGauge.builder(POSITIONS_OPEN)
                .description("Positions held by running strategy runs, by strategy").register(registry);
        positionPnl = MultiGauge.builder(POSITION_PNL)
                .description("Net PnL in USD of a funding-arbitrage run's open positions (funding, fees, unrealized)")
                .register(registry);
        tradingStates = MultiGauge.builder(TRADING_STATE)
                .description("Trading state an account trades under: 0 active, 1 reducing, 2 halted")
                .register(registry);
        Gauge.builder(NOTIFICATIONS_PENDING, this, m -> m.notificationsPending)
                .description("Notifications stored and not yet delivered").strongReference(true).register(registry);
        rateLimitedVenues = List.copyOf(venues);
        for (String venue : rateLimitedVenues) {
            FunctionCounter.builder(RATE_LIMITED, venue, VenueRateLimits::count)
                    .description("Rate-limit answers (HTTP 429/418 or the venue's code for it) from a venue")
                    .tag("venue", venue).register(registry);
        }
    }

    /** Reads the live state into the gauges; called before each scrape. */
    public synchronized void refresh() {
        if (sources == null) {
            return;
        }
        List<MultiGauge.Row<?>> streams = new ArrayList<>();
        sources.streamsUp().forEach((venue, byStream) -> byStream.forEach((stream, up) ->
                streams.add(MultiGauge.Row.of(Tags.of("venue", venue, "stream", stream), up ? 1 : 0))));
        streamsUp.register(streams, true);
        positionsOpen.register(rows("strategy", sources.openPositions()), true);
        positionPnl.register(rows("run", sources.positionPnlUsd()), true);
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        sources.tradingStates().forEach((account, state) ->
                states.add(MultiGauge.Row.of(Tags.of("account", account), stateValue(state))));
        tradingStates.register(states, true);
        notificationsPending = sources.notificationsPending();
    }

    /** 0 active, 1 reducing, 2 halted: the order of restriction, so {@code max()} over accounts is the worst. */
    static int stateValue(TradingState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case REDUCING -> 1;
            case HALTED -> 2;
        };
    }

    private Counter fundingRounds(String venue, String outcome) {
        return Counter.builder(FUNDING_ROUNDS).description("Funding rounds of a venue, stored or failed")
                .tags("venue", venue, "outcome", outcome).register(registry);
    }

    private static List<MultiGauge.Row<?>> rows(String label, Map<String, ? extends Number> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(MultiGauge.Row.of(Tags.of(label, key), value)));
        return rows;
    }
}

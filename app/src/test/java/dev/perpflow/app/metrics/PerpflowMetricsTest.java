package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.http.VenueRateLimits;
import dev.perpflow.risk.TradingState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What {@link PerpflowMetrics} records and how the Prometheus registry renders it, without the app. */
class PerpflowMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PerpflowMetrics metrics = new PerpflowMetrics(registry);

    /** Gauge sources a test sets by hand. */
    private static final class Sources implements MetricsSources {
        Map<String, Map<String, Boolean>> streams = new TreeMap<>();
        Map<String, Integer> positions = new TreeMap<>();
        Map<String, BigDecimal> pnl = new TreeMap<>();
        Map<String, TradingState> states = new TreeMap<>();
        long pending;

        @Override
        public Map<String, Map<String, Boolean>> streamsUp() {
            return streams;
        }

        @Override
        public Map<String, Integer> openPositions() {
            return positions;
        }

        @Override
        public Map<String, BigDecimal> positionPnlUsd() {
            return pnl;
        }

        @Override
        public Map<String, TradingState> tradingStates() {
            return states;
        }

        @Override
        public long notificationsPending() {
            return pending;
        }
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(registry.scrape(MetricsEndpoint.CONTENT_TYPE));
    }

    @Test
    void fundingRoundsAreCountedByOutcomeAndTimedInHistogramBuckets() {
        metrics.fundingRoundStored("sim-a", Duration.ofMillis(80));
        metrics.fundingRoundStored("sim-a", Duration.ofMillis(300));
        metrics.fundingRoundFailed("sim-a");

        PrometheusText text = scrape();
        assertThat(text.value("perpflow_funding_rounds_total", "venue", "sim-a", "outcome", "stored")).hasValue(2.0);
        assertThat(text.value("perpflow_funding_rounds_total", "venue", "sim-a", "outcome", "failed")).hasValue(1.0);
        assertThat(text.value("perpflow_funding_round_seconds_count", "venue", "sim-a")).hasValue(2.0);
        assertThat(text.value("perpflow_funding_round_seconds_sum", "venue", "sim-a").orElseThrow())
                .isCloseTo(0.38, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(text.value("perpflow_funding_round_seconds_bucket", "venue", "sim-a", "le", "0.05")).hasValue(0.0);
        assertThat(text.value("perpflow_funding_round_seconds_bucket", "venue", "sim-a", "le", "0.1")).hasValue(1.0);
        assertThat(text.value("perpflow_funding_round_seconds_bucket", "venue", "sim-a", "le", "0.5")).hasValue(2.0);
        assertThat(text.value("perpflow_funding_round_seconds_bucket", "venue", "sim-a", "le", "+Inf")).hasValue(2.0);
    }

    @Test
    void ordersAreCountedPerVenueAccountAndOutcomeAndAcksTimed() {
        metrics.order("sim-b", "default", PerpflowMetrics.OrderOutcome.SUBMITTED);
        metrics.order("sim-b", "default", PerpflowMetrics.OrderOutcome.SUBMITTED);
        metrics.order("sim-b", "default", PerpflowMetrics.OrderOutcome.FILLED);
        metrics.order("sim-b", "alice/main", PerpflowMetrics.OrderOutcome.UNKNOWN);
        metrics.acknowledged("sim-b", Duration.ofMillis(7));

        PrometheusText text = scrape();
        assertThat(text.value("perpflow_orders_total", "venue", "sim-b", "account", "default", "outcome", "submitted"))
                .hasValue(2.0);
        assertThat(text.value("perpflow_orders_total", "venue", "sim-b", "account", "default", "outcome", "filled"))
                .hasValue(1.0);
        assertThat(text.value("perpflow_orders_total", "venue", "sim-b", "account", "alice/main", "outcome", "unknown"))
                .hasValue(1.0);
        assertThat(text.value("perpflow_order_ack_seconds_bucket", "venue", "sim-b", "le", "0.005")).hasValue(0.0);
        assertThat(text.value("perpflow_order_ack_seconds_bucket", "venue", "sim-b", "le", "0.01")).hasValue(1.0);
        assertThat(text.value("perpflow_order_ack_seconds_count", "venue", "sim-b")).hasValue(1.0);
    }

    @Test
    void gaugesShowTheSourcesAtEachRefreshAndDropWhatIsGone() {
        Sources sources = new Sources();
        sources.streams.put("sim-a", Map.of("orders", true));
        sources.streams.put("sim-b", Map.of("orders", false));
        sources.positions.put("funding_arbitrage", 2);
        sources.positions.put("grid", 3);
        sources.pnl.put("arb-1", new BigDecimal("-12.5"));
        sources.pnl.put("arb-2", new BigDecimal("4.25"));
        sources.states.put("default", TradingState.ACTIVE);
        sources.states.put("alice/main", TradingState.REDUCING);
        sources.states.put("bob/x", TradingState.HALTED);
        sources.pending = 7;
        metrics.bind(sources, List.of());

        metrics.refresh();
        PrometheusText first = scrape();
        assertThat(first.value("perpflow_stream_up", "venue", "sim-a", "stream", "orders")).hasValue(1.0);
        assertThat(first.value("perpflow_stream_up", "venue", "sim-b", "stream", "orders")).hasValue(0.0);
        assertThat(first.value("perpflow_positions_open", "strategy", "funding_arbitrage")).hasValue(2.0);
        assertThat(first.value("perpflow_positions_open", "strategy", "grid")).hasValue(3.0);
        assertThat(first.value("perpflow_position_pnl_usd", "run", "arb-1")).hasValue(-12.5);
        assertThat(first.value("perpflow_trading_state", "account", "default")).hasValue(0.0);
        assertThat(first.value("perpflow_trading_state", "account", "alice/main")).hasValue(1.0);
        assertThat(first.value("perpflow_trading_state", "account", "bob/x")).hasValue(2.0);
        assertThat(first.value("perpflow_notifications_pending")).hasValue(7.0);

        sources.pnl.remove("arb-2");
        sources.streams.put("sim-b", Map.of("orders", true));
        sources.pending = 0;
        metrics.refresh();
        PrometheusText second = scrape();
        assertThat(second.value("perpflow_position_pnl_usd", "run", "arb-2")).isEmpty();
        assertThat(second.value("perpflow_stream_up", "venue", "sim-b", "stream", "orders")).hasValue(1.0);
        assertThat(second.value("perpflow_notifications_pending")).hasValue(0.0);
    }

    @Test
    void rateLimitAnswersAreCountedPerVenueFromTheVenueTransportsTally() {
        String venue = "unit-" + System.nanoTime();
        metrics.bind(new Sources(), List.of(venue));
        assertThat(scrape().value("perpflow_rate_limited_total", "venue", venue)).hasValue(0.0);

        VenueRateLimits.answered(venue);
        VenueRateLimits.answered(venue);

        assertThat(scrape().value("perpflow_rate_limited_total", "venue", venue)).hasValue(2.0);
    }

    @Test
    void discardingMetricsRecordWithoutARegistryBehind() {
        PerpflowMetrics none = PerpflowMetrics.discarding();
        none.order("v", "default", PerpflowMetrics.OrderOutcome.SUBMITTED);
        none.fundingRoundStored("v", Duration.ofMillis(1));

        assertThat(none.registry().getMeters()).allSatisfy(meter ->
                assertThat(meter.measure()).allSatisfy(m -> assertThat(m.getValue()).isZero()));
    }
}

package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} of the real app on the test profile, running the dev funding-arbitrage run and the dev grid on
 * the simulated venues: the endpoint is behind the API key, and after the app collected funding and traded, every
 * metric of docs/METRICS.md is served with the values the app's own state and database hold.
 */
class MetricsInTheAppTest extends AppTestSupport {

    private static final String KEY = "test-bootstrap-key-0123456789abcdef";
    private static final Path ROOT = MetricsDoc.ROOT;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.funding-arb.dev-run",
                ROOT.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.grid.dev-run", ROOT.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.grid.tick-millis", "200");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> response = call("GET", "/metrics", "Authorization", "Bearer " + KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void metricsAnswerOnlyWithTheApiKeyAndInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> missing = call("GET", "/metrics");
        HttpResponse<String> wrong = call("GET", "/metrics", "Authorization", "Bearer not-the-key-0123456789abcdef");
        HttpResponse<String> bearer = call("GET", "/metrics", "Authorization", "Bearer " + KEY);
        HttpResponse<String> header = call("GET", "/metrics", "X-API-Key", KEY);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("missing API key").doesNotContain("perpflow_");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(bearer.body()).contains("# TYPE perpflow_funding_rounds_total counter");
        assertThat(header.statusCode()).isEqualTo(200);
        // the key is never echoed back
        assertThat(bearer.headers().map().toString()).doesNotContain(KEY);
        assertThat(bearer.body()).doesNotContain(KEY);
    }

    @Test
    void afterFundingRoundsAndOrdersTheCountersHoldTheJournalsValuesWithTheirLabels() throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            PrometheusText metrics = scrape();
            assertThat(metrics.valueOrZero("perpflow_funding_rounds_total", "venue", "sim-b", "outcome", "stored"))
                    .isPositive();
            assertThat(metrics.valueOrZero("perpflow_orders_total", "venue", "sim-a", "account", "default",
                    "outcome", "submitted")).isPositive();
            assertThat(metrics.valueOrZero("perpflow_orders_total", "venue", "sim-a", "account", "default",
                    "outcome", "filled")).isPositive();
            assertThat(metrics.valueOrZero("perpflow_order_ack_seconds_count", "venue", "sim-a")).isPositive();
        });
        PrometheusText metrics = scrape();
        long submittedSince = count("SELECT count(*) FROM orders WHERE account = 'default' AND venue = 'sim-a'");
        long storedRounds = count("SELECT count(*) FROM collection_logs l JOIN dexes d ON d.id = l.dex_id "
                + "WHERE d.name = 'sim-b' AND l.status = 'success'");

        // every order the journal holds was counted once as submitted; the scrape came first, so it may lag behind
        double submitted = metrics.valueOrZero("perpflow_orders_total", "venue", "sim-a", "account", "default",
                "outcome", "submitted");
        assertThat(submitted).isPositive().isLessThanOrEqualTo(submittedSince);
        assertThat(metrics.valueOrZero("perpflow_funding_rounds_total", "venue", "sim-b", "outcome", "stored"))
                .isLessThanOrEqualTo(storedRounds);
        // a histogram: buckets up to +Inf, whose count is the number of stored rounds
        double rounds = metrics.valueOrZero("perpflow_funding_round_seconds_count", "venue", "sim-b");
        assertThat(rounds).isPositive();
        assertThat(metrics.value("perpflow_funding_round_seconds_bucket", "venue", "sim-b", "le", "+Inf"))
                .hasValue(rounds);
        assertThat(metrics.value("perpflow_order_ack_seconds_bucket", "venue", "sim-a", "le", "+Inf")).isPresent();
        // labels are bounded: no order id, no symbol
        assertThat(metrics.samples()).filteredOn(s -> s.name().startsWith("perpflow_"))
                .allSatisfy(s -> assertThat(s.labels().keySet())
                        .isSubsetOf("venue", "account", "outcome", "stream", "strategy", "run", "le"));
    }

    @Test
    void gaugesReadTheAppsLiveState() throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            PrometheusText metrics = scrape();
            assertThat(metrics.valueOrZero("perpflow_positions_open", "strategy", "funding_arbitrage"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics.value("perpflow_position_pnl_usd", "run", "dev-funding-arb")).isPresent();
        });
        PrometheusText metrics = scrape();
        assertThat(metrics.value("perpflow_positions_open", "strategy", "grid")).isPresent();
        assertThat(metrics.value("perpflow_stream_up", "venue", "sim-a", "stream", "orders")).hasValue(1.0);
        assertThat(metrics.value("perpflow_trading_state", "account", "default")).hasValue(0.0);
        long pending = count("SELECT count(*) FROM strategy_notifications WHERE NOT sent");
        assertThat(metrics.value("perpflow_notifications_pending")).isPresent();
        assertThat(metrics.valueOrZero("perpflow_notifications_pending")).isLessThanOrEqualTo(pending + 100)
                .isGreaterThanOrEqualTo(0);

        assertThat(call("POST", "/api/v1/halt", "X-API-Key", KEY).statusCode()).isEqualTo(200);
        try {
            assertThat(scrape().value("perpflow_trading_state", "account", "default")).hasValue(2.0);
        } finally {
            assertThat(call("POST", "/api/v1/resume", "X-API-Key", KEY).statusCode()).isEqualTo(200);
        }
        assertThat(scrape().value("perpflow_trading_state", "account", "default")).hasValue(0.0);
    }

    @Test
    void aVenuesRateLimitAnswersAreCounted() throws Exception {
        double before = scrape().valueOrZero("perpflow_rate_limited_total", "venue", "sim-c");
        SimExchangeClient simC = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-c").orElseThrow();

        simC.faults().rateLimitNext(2, Duration.ofMillis(100));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape().valueOrZero("perpflow_rate_limited_total", "venue", "sim-c"))
                        .isEqualTo(before + 2));
    }

    @Test
    void aFailedFundingRoundIsCountedAsTheCollectionLogRecordsIt() throws Exception {
        SimExchangeClient simB = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-b").orElseThrow();
        String failedRows = "SELECT count(*) FROM collection_logs l JOIN dexes d ON d.id = l.dex_id "
                + "WHERE d.name = 'sim-b' AND l.status = 'failed'";
        assertThat(count(failedRows)).isZero();

        // every attempt of a poll (three, with backoff) fails: the round fails
        simB.faults().failNextRequests(20);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            double failed = scrape().valueOrZero("perpflow_funding_rounds_total", "venue", "sim-b", "outcome",
                    "failed");
            assertThat(failed).isPositive().isEqualTo((double) count(failedRows));
        });
    }

    @Test
    void everyDocumentedMetricIsServedWithJvmAndCamelRouteMetrics() throws Exception {
        assertThat(MetricsDoc.metrics()).as("metrics documented in docs/METRICS.md").hasSizeGreaterThan(15);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(scrape().names()).containsAll(MetricsDoc.series()));
        Set<String> names = scrape().names();
        assertThat(names).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage");
        assertThat(names).anyMatch(n -> n.startsWith("camel_exchanges"));
        assertThat(scrape().valueOrZero("camel_exchanges_total", "routeId", "funding-round")).isPositive();
    }
}

package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppProcessAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as the README runs it, on the {@code dev} profile (its simulated venues, its grid and its funding-arbitrage
 * run), in a process of its own: after it has collected funding and traded, {@code /metrics} serves every metric of
 * docs/METRICS.md, with real values.
 */
class MetricsOnTheDevProfileTest {

    private static final String KEY = "dev-metrics-bootstrap-key-0123456789";

    @TempDir
    Path dataDir;

    private static PrometheusText scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    @Test
    void aDevProfileRunServesEveryDocumentedMetricWithRealValues() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CAMEL_MAIN_PROFILE", "dev");
        env.put("PERPFLOW_API_KEY", KEY);
        // the dev profile polls every 15 s; sooner here so the test does not wait for it
        env.put("PERPFLOW_FUNDING_POLL_SECONDS", "2");
        // the dev profile's runs name their configs relative to the project root; the tests run in app/
        Path configs = MetricsDoc.ROOT.resolve("configs/dev").toAbsolutePath().normalize();
        env.put("PERPFLOW_GRID_DEV_RUN", configs.resolve("grid-sim-a.yaml").toString());
        env.put("PERPFLOW_FUNDING_ARB_DEV_RUN", configs.resolve("funding-arb-sims.yaml").toString());
        int port = AppProcessAccess.freePort();
        try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
            assertThat(AppProcessAccess.output(app)).contains("profile: dev");

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                PrometheusText metrics = scrape(port);
                assertThat(metrics.names()).containsAll(MetricsDoc.series());
                for (String venue : new String[] {"sim-a", "sim-b", "sim-c"}) {
                    assertThat(metrics.valueOrZero("perpflow_funding_rounds_total", "venue", venue, "outcome",
                            "stored")).as(venue).isPositive();
                    assertThat(metrics.value("perpflow_stream_up", "venue", venue, "stream", "orders")).hasValue(1.0);
                    assertThat(metrics.value("perpflow_rate_limited_total", "venue", venue)).isPresent();
                }
                assertThat(metrics.valueOrZero("perpflow_orders_total", "venue", "sim-a", "account", "default",
                        "outcome", "submitted")).isPositive();
                assertThat(metrics.valueOrZero("perpflow_order_ack_seconds_count", "venue", "sim-a")).isPositive();
                assertThat(metrics.value("perpflow_position_pnl_usd", "run", "dev-funding-arb")).isPresent();
                assertThat(metrics.value("perpflow_positions_open", "strategy", "grid")).isPresent();
                assertThat(metrics.value("perpflow_trading_state", "account", "default")).hasValue(0.0);
                assertThat(metrics.valueOrZero("perpflow_notifications_pending")).isGreaterThanOrEqualTo(0);
                assertThat(metrics.valueOrZero("camel_exchanges_total", "routeId", "grid-tick")).isPositive();
                assertThat(metrics.valueOrZero("jvm_threads_live_threads")).isPositive();
            });
        }
    }
}

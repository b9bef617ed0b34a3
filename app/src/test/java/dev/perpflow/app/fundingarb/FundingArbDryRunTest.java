package dev.perpflow.app.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code dry_run: true}: the funding-arbitrage run trades paper accounts over the live venues (here the test
 * profile's sims): positions open with both legs, yet no order and no position ever reaches a venue.
 */
class FundingArbDryRunTest extends AppTestSupport {

    private static final String KEY = "dry-run-bootstrap-key-0123456789";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    @Test
    void aDryRunOpensPaperLegsAndLeavesTheVenuesUntouched() throws Exception {
        JsonNode created = post("/api/v1/strategies", "id: arb-paper\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-c]\n  target_margin: 40\n  min_profit_rate: 0.14\n"
                + "  min_volume_24h: 0\n  min_oi_usd: 0\n  check_interval_seconds: 5\n  dry_run: true\n"
                + "  exclude_symbols: [ETH]\n");
        assertThat(created.get("status").asText()).isEqualTo("stopped");
        assertThat(post("/api/v1/strategies/arb-paper/start", null).get("status").asText()).isEqualTo("running");

        JsonNode[] open = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode position : authorizedGet("/api/v1/positions").get("positions")) {
                if (position.get("status").asText().equals("open")) {
                    open[0] = position;
                    return true;
                }
            }
            return false;
        });

        JsonNode legs = open[0].get("legs");
        assertThat(legs.get(open[0].get("long_dex").asText()).get("quantity").decimalValue()).isPositive();
        VenueRegistry venues = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        for (String venue : new String[] {"sim-a", "sim-c"}) {
            SimExchangeClient sim = (SimExchangeClient) venues.client(venue).orElseThrow();
            assertThat(sim.exchange().positions()).as(venue + " holds nothing").isEmpty();
            assertThat(sim.exchange().fillsSince(java.time.Instant.EPOCH)).as(venue + " saw no order").isEmpty();
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private JsonNode authorizedGet(String path) throws Exception {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }
}

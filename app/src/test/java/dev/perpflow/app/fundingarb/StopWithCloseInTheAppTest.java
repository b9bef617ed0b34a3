package dev.perpflow.app.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimFaults.Fault;
import dev.perpflow.component.sim.SimOperation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Stop with close where a venue refuses the close: the answer says what is still held, the run keeps watching and
 * closing it ("stopping"), the position stays visible and closable, and the run is stopped once it is flat.
 * Failed before: the stop answered 200 stopped with 0 closed, removed the run, and the positions stayed closing,
 * hidden from /positions and not closable (503 "the run is not running").
 */
class StopWithCloseInTheAppTest extends AppTestSupport {

    private static final String KEY = "stop-with-close-bootstrap-key-0123";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.funding-arb.dev-run", root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    private JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(90)).header("X-API-Key", KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    @Test
    void aRunThatCannotCloseEverythingKeepsWatchingAndClosingUntilFlat() throws Exception {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode position : call("GET", "/api/v1/positions", null, 200).get("positions")) {
                if (position.get("status").asText().equals("open")) {
                    id[0] = position.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        SimExchangeClient simA = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-a").orElseThrow();
        simA.faults().failNext(SimOperation.SUBMIT, 1_000_000, Fault.UNAVAILABLE);

        JsonNode stop = call("POST", "/api/v1/strategies/dev-funding-arb/stop?close_positions=true", null, 200);
        assertThat(stop.get("status").asText()).isEqualTo("stopping");
        assertThat(stop.get("open_positions").findValuesAsText("id")).contains(id[0]);
        assertThat(stop.get("detail").asText()).contains("keeps watching and closing");

        JsonNode positions = call("GET", "/api/v1/positions", null, 200);
        assertThat(positions.get("positions").findValuesAsText("id")).as("still visible").contains(id[0]);
        JsonNode manual = call("POST", "/api/v1/positions/" + id[0] + "/close", "{\"order_type\":\"market\"}", 200);
        assertThat(manual.get("success").asBoolean()).as("closable: tried, and still refused by sim-a").isFalse();

        simA.faults().clear();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(call("GET", "/api/v1/positions", null, 200).get("positions").findValuesAsText("id"))
                        .doesNotContain(id[0]));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(call("GET", "/api/v1/strategies?status=all", null, 200).toString())
                        .contains("\"stopped\""));
        assertThat(simA.exchange().positions()).isEmpty();
    }
}

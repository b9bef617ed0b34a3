package dev.perpflow.app.grid;

import dev.perpflow.app.strategy.StrategyRunRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.model.Order;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The dev grid (configs/dev/grid-sim-a.yaml) running inside the app on the test profile: it trades on the sim's
 * random walk by itself, persists its state after every change, writes events, and answers the control API.
 */
class GridRunInTheAppTest extends AppTestSupport {

    private static final String KEY = "test-bootstrap-key-0123456789abcdef";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.grid.tick-millis", "200");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
        if (header != null) {
            request.header(header, value);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private SimExchangeClient simA() {
        return (SimExchangeClient) context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class)
                .client("sim-a").orElseThrow();
    }

    private List<String> eventTypes() throws Exception {
        HttpResponse<String> events = get("/api/v1/strategies/dev-grid/events", "X-API-Key", KEY);
        assertThat(events.statusCode()).isEqualTo(200);
        return JSON.readTree(events.body()).get("events").findValuesAsText("type");
    }

    @Test
    void theDevGridEntersTracksAndTakesProfitAsThePriceMoves() throws Exception {
        SimExchangeClient sim = simA();
        Order[] entry = new Order[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            entry[0] = sim.exchange().openOrders("ETH").stream()
                    .filter(o -> o.clientOrderId().startsWith("dev-grid-") && !o.reduceOnly()).findFirst().orElse(null);
            return entry[0] != null;
        });
        // the resting entry is an active order (failed before: active_orders counted take-profit closes only)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JSON.readTree(get(
                "/api/v1/strategies/dev-grid", "X-API-Key", KEY).body()).get("active_orders").asInt()).isPositive());
        sim.exchange().setMid("ETH", entry[0].price().subtract(BigDecimal.ONE));   // trade through the entry
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventTypes()).contains("position_tracked"));

        Order close = sim.exchange().openOrders("ETH").stream().filter(Order::reduceOnly).findFirst().orElseThrow();
        sim.exchange().setMid("ETH", close.price().add(BigDecimal.ONE));           // and through the take profit
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventTypes()).contains("position_closed"));
    }

    @Test
    void aStopWithCloseCancelsTheGridsOrdersAndClosesItsPosition() throws Exception {
        SimExchangeClient sim = simA();
        send("POST", "/api/v1/strategies", "id: closing-grid\nstrategy: grid\nconfig:\n  exchange: sim-a\n"
                + "  ticker: BTC\n  direction: buy\n  order_notional_usd: 200\n  target_leverage: 10\n"
                + "  take_profit: 0.5\n  max_orders: 2\n  max_margin_usd: 200\n  post_only_tick_multiplier: 2\n", 201);
        send("POST", "/api/v1/strategies/closing-grid/start", null, 200);
        Order[] entry = new Order[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            entry[0] = sim.exchange().openOrders("BTC").stream()
                    .filter(o -> o.clientOrderId().startsWith("closing-grid-") && !o.reduceOnly()).findFirst()
                    .orElse(null);
            return entry[0] != null;
        });
        sim.exchange().setMid("BTC", entry[0].price().subtract(BigDecimal.ONE));   // the entry fills
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.exchange().openOrders("BTC").stream()
                .anyMatch(o -> o.clientOrderId().startsWith("closing-grid-") && o.reduceOnly()));

        JsonNode stop = JSON.readTree(send("POST", "/api/v1/strategies/closing-grid/stop?close_positions=true",
                null, 200));

        assertThat(stop.get("status").asText()).isEqualTo("stopped");
        assertThat(stop.get("closed_positions").asInt()).isEqualTo(1);
        assertThat(sim.exchange().openOrders("BTC")).noneMatch(o -> o.clientOrderId().startsWith("closing-grid-"));
        assertThat(sim.exchange().positions()).noneMatch(p -> p.symbol().equals("BTC") && !p.isFlat());
        JsonNode again = JSON.readTree(send("POST", "/api/v1/strategies/closing-grid/stop?close_positions=true",
                null, 200));
        assertThat(again.get("already_stopped").asBoolean()).as("nothing left to close").isTrue();
    }

    @Test
    void aSecondGridOnAMarketAnotherRunTradesIsRefusedItsStart() throws Exception {
        send("POST", "/api/v1/strategies", "id: second-eth-grid\nstrategy: grid\nconfig:\n  exchange: sim-a\n"
                + "  ticker: ETH\n  direction: sell\n  order_notional_usd: 200\n  max_margin_usd: 200\n", 201);

        String refused = send("POST", "/api/v1/strategies/second-eth-grid/start", null, 409);

        assertThat(refused).contains("run dev-grid trades that market");
        assertThat(simA().exchange().openOrders("ETH")).noneMatch(o -> o.clientOrderId().startsWith("second-eth-grid"));
    }

    private String send(String method, String path, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("X-API-Key", KEY).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    @Test
    void theStateIsPersistedAfterEveryChange() throws Exception {
        GridRuns grids = context.getRegistry().lookupByNameAndType("gridRuns", GridRuns.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> grids.engine("dev-grid") != null
                && grids.engine("dev-grid").state().positionSequence() > 0);
        StrategyRunRepository repository = new StrategyRunRepository(dataSource(), "grid");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(repository.loadState("dev-grid")).isPresent().get()
                        .extracting(s -> s.positionSequence()).isNotNull());
    }

    @Test
    void theStatusNeedsTheApiKey() throws Exception {
        assertThat(get("/api/v1/strategies/dev-grid", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/strategies/dev-grid", "X-API-Key", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get("/api/v1/strategies/dev-grid", "Authorization", "Bearer " + KEY);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(ok.body());
        assertThat(status.get("strategy").asText()).isEqualTo("grid");
        assertThat(status.get("venue").asText()).isEqualTo("sim-a");
        assertThat(status.get("cycle_state").asText()).isIn("ready", "waiting_for_fill");
        assertThat(status.at("/parameters/ticker").asText()).isEqualTo("ETH");
        assertThat(get("/api/v1/strategies/nope", "X-API-Key", KEY).statusCode()).isEqualTo(404);
    }
}

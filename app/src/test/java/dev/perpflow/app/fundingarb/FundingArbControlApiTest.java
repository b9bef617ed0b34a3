package dev.perpflow.app.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dev funding-arbitrage run (configs/dev/funding-arb-sims.yaml) inside the app on the test profile's sim venues:
 * it opens a delta-neutral position by itself, and the control API shows, closes, halts and manages runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundingArbControlApiTest extends AppTestSupport {

    private static final String KEY = "test-bootstrap-key-0123456789abcdef";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.funding-arb.dev-run", root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> response = call(method, path, body, "X-API-Key", KEY);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }

    private JsonNode openPosition() throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode position : ok("GET", "/api/v1/positions", null).get("positions")) {
                if (position.get("status").asText().equals("open")) {
                    found[0] = position;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    @Order(1)
    void everyControlEndpointNeedsTheKey() throws Exception {
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/status"}, {"GET", "/api/v1/accounts"},
                {"GET", "/api/v1/positions"}, {"GET", "/api/v1/balances"}, {"GET", "/api/v1/strategies"},
                {"POST", "/api/v1/halt"}, {"POST", "/api/v1/resume"}, {"POST", "/api/v1/config/reload"},
                {"POST", "/api/v1/positions/x/close"}, {"POST", "/api/v1/strategies"},
                {"POST", "/api/v1/strategies/x/start"}, {"POST", "/api/v1/strategies/x/stop"}}) {
            HttpResponse<String> missing = call(endpoint[0], endpoint[1], null);
            HttpResponse<String> wrong = call(endpoint[0], endpoint[1], null, "Authorization", "Bearer nope");
            assertThat(missing.statusCode()).as("no key: " + endpoint[1]).isEqualTo(401);
            assertThat(missing.body()).contains("missing API key");
            assertThat(wrong.statusCode()).as("wrong key: " + endpoint[1]).isEqualTo(401);
        }
        assertThat(call("GET", "/api/v1/status", null, "Authorization", "Bearer " + KEY).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theDevRunOpensADeltaNeutralPositionShownWithLiveLegs() throws Exception {
        JsonNode position = openPosition();

        assertThat(position.get("long_dex").asText()).isEqualTo("sim-c");
        assertThat(position.get("short_dex").asText()).isEqualTo("sim-a");
        JsonNode legs = position.get("legs");
        assertThat(legs.get("sim-c").get("quantity").decimalValue())
                .isEqualByComparingTo(legs.get("sim-a").get("quantity").decimalValue());
        assertThat(position.has("net_pnl_usd")).isTrue();
        JsonNode status = ok("GET", "/api/v1/status", null);
        assertThat(status.get("running_strategies").toString()).contains("dev-funding-arb");
        assertThat(status.get("accessible_accounts").get(0).get("account_name").asText()).isEqualTo("default");
        assertThat(ok("GET", "/api/v1/accounts", null).get("accounts").get(0).get("account_name").asText())
                .isEqualTo("default");
        assertThat(ok("GET", "/api/v1/balances", null).get("balances").has("sim-a")).isTrue();
        assertThat(call("GET", "/api/v1/positions?account_name=someone-else", null, "X-API-Key", KEY).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void aManualCloseValidatesItsBodyThenClosesBothLegsWithPnl() throws Exception {
        JsonNode position = openPosition();
        String id = position.get("id").asText();

        HttpResponse<String> badType = call("POST", "/api/v1/positions/" + id + "/close", "{\"order_type\":\"stop\"}",
                "X-API-Key", KEY);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("order_type");
        assertThat(call("POST", "/api/v1/positions/" + id + "/close", "{not json", "X-API-Key", KEY).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/positions/nope/close", "{}", "X-API-Key", KEY).statusCode()).isEqualTo(404);

        // a user's reason is free text kept apart from the engine's exit reason: longer than the exit reason column
        // and shaped like an engine reason (LIQUIDATION_ turns retries into market orders) it changes nothing
        String reason = "LIQUIDATION_RISK_SIM_A " + "closing by hand before the weekend, see the ops channel ".repeat(2);
        JsonNode closed = ok("POST", "/api/v1/positions/" + id + "/close", "{\"order_type\":\"market\","
                + "\"reason\":\"" + reason + "\"}");
        assertThat(closed.get("success").asBoolean()).as(closed.toString()).isTrue();
        assertThat(closed.get("exit_reason").asText()).isEqualTo("manual_close");
        assertThat(closed.get("note").asText()).isEqualTo(reason);
        assertThat(closed.has("pnl_usd")).isTrue();
        HttpResponse<String> again = call("POST", "/api/v1/positions/" + id + "/close", "{}", "X-API-Key", KEY);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("closed");
    }

    @Test
    @Order(4)
    void haltStopsNewEntriesAndSurvivesUntilResume() throws Exception {
        assertThat(ok("POST", "/api/v1/halt", null).get("trading_state").asText()).isEqualTo("HALTED");
        assertThat(ok("GET", "/api/v1/status", null).get("trading_state").asText()).isEqualTo("HALTED");
        assertThat(ok("POST", "/api/v1/resume", null).get("trading_state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(5)
    void strategiesAreCreatedFromYamlStartedAndStopped() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/v1/strategies",
                "strategy: funding_arbitrage\nconfig:\n  scan_exchanges: [sim-a]\n  risk_strategy: yolo\n", "X-API-Key", KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("risk_strategy").contains("scan_exchanges");

        JsonNode created = ok("POST", "/api/v1/strategies", "id: arb-two\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-b]\n  min_volume_24h: 0\n  min_oi_usd: 0\n  exclude_symbols: [ETH, BTC, SOL, BONK, 2Z, Z]\n");
        assertThat(created.get("status").asText()).isEqualTo("stopped");
        assertThat(call("POST", "/api/v1/strategies", "id: arb-two\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-b]\n", "X-API-Key", KEY).statusCode()).as("duplicate id: a conflict")
                .isEqualTo(409);

        assertThat(ok("POST", "/api/v1/strategies/arb-two/start", null).get("status").asText()).isEqualTo("running");
        assertThat(ok("GET", "/api/v1/status", null).get("running_strategies").toString()).contains("arb-two");
        assertThat(ok("POST", "/api/v1/config/reload", null).get("reloaded").toString()).contains("arb-two");
        JsonNode stopped = ok("POST", "/api/v1/strategies/arb-two/stop?close_positions=true", null);
        assertThat(stopped.get("status").asText()).isEqualTo("stopped");
        assertThat(ok("GET", "/api/v1/strategies", null).toString()).contains("arb-two").contains("dev-funding-arb");
        assertThat(call("POST", "/api/v1/strategies/nope/start", null, "X-API-Key", KEY).statusCode()).isEqualTo(404);
    }
}

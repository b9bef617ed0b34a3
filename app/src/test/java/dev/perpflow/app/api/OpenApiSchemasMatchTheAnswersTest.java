package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The documented schemas are the answers' real shape: against the app on the test profile with the dev grid and
 * funding-arbitrage runs (so there are rates, opportunities, runs and an open position), every GET endpoint and the
 * POSTs that create, start, stop, close, reload, halt and resume are called, and each answer's status must be
 * documented and its JSON conform to the schema the served {@code /api/v1/openapi.json} gives for that status (every
 * key a documented property, every required key present, {@code $ref}s resolved). Request bodies sent are checked
 * against the documented request schema too.
 */
class OpenApiSchemasMatchTheAnswersTest extends AppTestSupport {

    private static final String KEY = "openapi-contract-bootstrap-key-0123456789";
    // a market no other run of the app trades (dev-grid holds sim-a ETH, the arb run excludes ETH): one run per market
    private static final String GRID_CONFIG = "{\"exchange\": \"sim-b\", \"ticker\": \"ETH\", \"direction\": \"buy\", "
            + "\"order_notional_usd\": 200, \"target_leverage\": 10, \"take_profit\": 0.5, \"max_orders\": 2, "
            + "\"max_margin_usd\": 200}";

    private final List<String> problems = new ArrayList<>();
    private OpenApiSchemaCheck schemas;
    private int checked;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.funding-arb.dev-run",
                root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    @Test
    void everyAnswerHasADocumentedStatusAndTheDocumentedKeys() throws Exception {
        schemas = new OpenApiSchemaCheck(getJson("/api/v1/openapi.json", 200));
        String positionId = openPositionId();
        JsonNode runs = call("GET", "/api/v1/strategies", null, true, 200);
        String gridRun = runOf(runs, "grid");
        String arbRun = runOf(runs, "funding_arbitrage");

        for (String path : List.of("/health/simple", "/health", "/health/database", "/health/dex/sim-a",
                "/funding-rates", "/funding-rates?include_metadata=true&dex=sim-a",
                "/funding-rates/compare?symbol=BTC&dex1=sim-a&dex2=sim-b", "/funding-rates/sim-a",
                "/funding-rates/sim-a/BTC", "/history/funding-rates/sim-a/BTC?period=1d&limit=50",
                "/stats/funding-rates/BTC", "/stats/funding-rates/BTC?dex=sim-a", "/opportunities?limit=5",
                "/opportunities/best", "/opportunities/symbol/BTC", "/dexes", "/dexes/sim-a", "/dexes/sim-a/symbols",
                "/tasks/status", "/tasks/health")) {
            call("GET", "/api/v1" + path, null, false, 200);
        }
        for (String path : List.of("/status", "/accounts", "/positions", "/positions?account_name=default",
                "/balances", "/strategies?status=running", "/strategies/" + gridRun, "/strategies/" + arbRun,
                "/strategies/" + arbRun + "/events?limit=20", "/strategies/" + arbRun + "/logs?lines=20", "/limits",
                "/configs")) {
            call("GET", "/api/v1" + path, null, true, 200);
        }
        // errors have the documented error shape under their documented status
        call("GET", "/api/v1/dexes/nowhere", null, false, 404);
        call("GET", "/api/v1/funding-rates?include_metadata=maybe", null, false, 400);
        call("GET", "/api/v1/status", null, false, 401);
        call("GET", "/api/v1/strategies/nowhere", null, true, 404);
        call("POST", "/api/v1/configs", "{\"name\": \"contract\", \"strategy\": \"grid\", \"config\": " + GRID_CONFIG
                + "}", true, 201);
        call("POST", "/api/v1/strategies", "{\"id\": \"contract-grid\", \"strategy\": \"grid\", \"config\": "
                + GRID_CONFIG + "}", true, 201);
        call("POST", "/api/v1/strategies/contract-grid/start", null, true, 200);
        call("GET", "/api/v1/strategies/contract-grid", null, true, 200);
        call("POST", "/api/v1/strategies/contract-grid/stop", null, true, 200);
        call("POST", "/api/v1/strategies/contract-grid/resume", null, true, 200);
        call("POST", "/api/v1/strategies/contract-grid/stop?close_positions=true", null, true, 200);
        call("POST", "/api/v1/config/reload", null, true, 200);
        call("POST", "/api/v1/positions/" + positionId + "/close", "{\"order_type\": \"market\", \"reason\": "
                + "\"contract test\"}", true, 200);
        call("POST", "/api/v1/halt?reason=contract+test", null, true, 200);
        call("POST", "/api/v1/resume?reason=contract+test", null, true, 200);

        assertThat(checked).isEqualTo(48);
        assertThat(problems).isEmpty();
    }

    /** Calls the API and checks the answer (and any request body) against the document. */
    private JsonNode call(String method, String target, String body, boolean withKey, int expected)
            throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), method, target, withKey ? Map.of("X-API-Key", KEY) : Map.of(),
                body);
        assertThat(answer.status()).as(method + " " + target + ": " + answer.body()).isEqualTo(expected);
        String path = documentedPath(target);
        JsonNode operation = schemas.operation(method, path);
        assertThat(operation.isMissingNode()).as(method + " " + path + " in the document").isFalse();
        JsonNode schema = schemas.responseSchema(operation, answer.status());
        if (schema.isMissingNode()) {
            problems.add(method + " " + target + ": status " + answer.status() + " is not documented");
        } else {
            JsonNode json = JSON.readTree(answer.body());
            problems.addAll(schemas.problems(json, schema, method + " " + target + " " + answer.status()));
        }
        if (body != null) {
            JsonNode requestSchema = operation.path("requestBody").path("content").path("application/json")
                    .path("schema");
            assertThat(requestSchema.isMissingNode()).as(method + " " + path + " documents its body").isFalse();
            problems.addAll(schemas.problems(JSON.readTree(body), requestSchema, method + " " + target + " body"));
        }
        checked++;
        return JSON.readTree(answer.body());
    }

    /** The document's path of a request target: the query dropped, ids and names put back as {param}. */
    private String documentedPath(String target) {
        String path = target.split("\\?")[0];
        for (String candidate : candidates(path)) {
            if (!schemas.operation("get", candidate).isMissingNode()
                    || !schemas.operation("post", candidate).isMissingNode()) {
                return candidate;
            }
        }
        return path;
    }

    /** The path itself, then with one or two segments after {@code /api/v1/<resource>} replaced by a {@code {name}}. */
    private static List<String> candidates(String path) {
        List<String> out = new ArrayList<>();
        out.add(path);
        String[] parts = path.split("/");
        List<String> names = List.of("{dex}", "{symbol}", "{id}", "{positionId}", "{configId}");
        for (int i = 4; i < parts.length; i++) {
            for (String name : names) {
                String[] one = parts.clone();
                one[i] = name;
                out.add(String.join("/", one));
                for (int j = i + 1; j < parts.length; j++) {
                    for (String second : names) {
                        String[] two = one.clone();
                        two[j] = second;
                        out.add(String.join("/", two));
                    }
                }
            }
        }
        return out;
    }

    private String openPositionId() {
        return RawHttp.awaitOpenPositionId(port(), KEY);
    }

    private static String runOf(JsonNode runs, String strategy) {
        for (JsonNode run : runs.get("strategies")) {
            if (run.get("strategy").asText().equals(strategy)) {
                return run.get("id").asText();
            }
        }
        throw new AssertionError("no " + strategy + " run in " + runs);
    }
}

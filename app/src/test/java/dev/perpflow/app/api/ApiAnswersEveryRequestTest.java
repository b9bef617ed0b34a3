package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The REST API as a user with curl and as an attacker with a valid low-privilege key meet it (issue 16, items 1-5):
 * every malformed request gets a JSON 4xx naming the problem, a non-admin's key never reaches the admin's runs, keys
 * are taken from headers only, enumerated query values are checked, and public health endpoints show no error text.
 */
class ApiAnswersEveryRequestTest extends AppTestSupport {

    static final String ADMIN_KEY = "api-test-bootstrap-key-0123456789";
    private static final String FORM = "application/x-www-form-urlencoded";

    private String bobKey;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.api-key", ADMIN_KEY);
        return properties;
    }

    /** A non-admin user with one account of his own. */
    private synchronized String bob() {
        if (bobKey == null) {
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(dataSource(), clock);
            UserRepository.User bob = new UserRepository(dataSource(), clock).create("bob", false);
            new AccountRepository(dataSource(), audit, clock).create(bob, "bobs", null, "test");
            bobKey = new ApiKeyRepository(dataSource(), audit, clock).create(bob, "laptop", null, "test").key();
        }
        return bobKey;
    }

    private RawHttp.Answer send(String method, String target, String key, String contentType, String body)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return RawHttp.send(port(), method, target, headers, body);
    }

    private static void assertJsonError(RawHttp.Answer answer, int status, String detailFragment) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isJson()).as(answer.headers().toString()).isTrue();
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("detail").asText()).as(answer.toString()).contains(detailFragment);
    }

    @Test
    void aJsonBodySentWithCurlsDefaultFormContentTypeIsRead() throws Exception {
        // curl -X POST -d '{...}' sends application/x-www-form-urlencoded: this used to close the connection
        RawHttp.Answer close = send("POST", "/api/v1/positions/nope/close", ADMIN_KEY, FORM,
                "{\"order_type\":\"market\"}");
        assertJsonError(close, 404, "no position 'nope'");

        RawHttp.Answer created = send("POST", "/api/v1/strategies", ADMIN_KEY, FORM, "{\"id\":\"form-arb\","
                + "\"strategy\":\"funding_arbitrage\",\"config\":{\"scan_exchanges\":[\"sim-a\",\"sim-b\"]}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("id").asText()).isEqualTo("form-arb");

        RawHttp.Answer notJson = send("POST", "/api/v1/strategies", ADMIN_KEY, FORM, "a=b&c");
        assertJsonError(notJson, 400, "JSON object");
        assertThat(send("POST", "/api/v1/config/reload", ADMIN_KEY, FORM, "x").status()).isEqualTo(200);
        RawHttp.Answer text = send("POST", "/api/v1/configs", ADMIN_KEY, "text/plain", "{\"name\": \"n1\", "
                + "\"strategy\": \"funding_arbitrage\", \"config\": {\"scan_exchanges\": [\"sim-a\", \"sim-b\"]}}");
        assertThat(text.status()).as(text.toString()).isEqualTo(201);
    }

    @Test
    void badEncodingBadJsonWrongTypesAndOversizeBodiesAreJson4xxNamingTheProblem() throws Exception {
        assertJsonError(send("GET", "/api/v1/funding-rates?symbol=%zz", null, null, null), 400, "not valid");
        assertJsonError(send("GET", "/api/v1/strategies/%zz", ADMIN_KEY, null, null), 400, "not valid");
        assertJsonError(send("GET", "/api/v1/opportunities?limit=%", null, null, null), 400, "not valid");
        assertJsonError(send("GET", "/api/v1/funding-rates?symbol={x}", null, null, null), 400, "not valid");

        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json", "{\"id\": "), 400,
                "not valid JSON");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json", "[1, 2]"), 400,
                "JSON object");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "{\"strategy\": \"grid\", \"config\": 5}"), 400, "config must be an object");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "{\"strategy\": 7, \"config\": {}}"), 400, "strategy must be a string");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "{\"id\": \"a\", \"id\": \"b\"}"), 400, "not valid JSON");
        assertJsonError(send("POST", "/api/v1/positions/nope/close", ADMIN_KEY, "application/json",
                "{\"confirm_wide_spread\": \"yes\"}"), 400, "confirm_wide_spread must be true or false");
        assertJsonError(send("POST", "/api/v1/positions/nope/close", ADMIN_KEY, "application/json",
                "{\"order_type\": [\"market\"]}"), 400, "order_type must be");
        assertJsonError(send("POST", "/api/v1/positions/nope/close", ADMIN_KEY, "application/json",
                "{\"reason\": \"" + "x".repeat(201) + "\"}"), 400, "reason is 201 characters long");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "[".repeat(20_000) + "]".repeat(20_000)), 400, "levels deep");
        assertJsonError(send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "{\"x\": \"" + "a".repeat(100_000) + "\"}"), 413, "at most 65536");

        assertJsonError(send("GET", "/api/v1/strategies?status=bogus", ADMIN_KEY, null, null), 400,
                "status must be one of running, stopped, all");
        assertThat(send("GET", "/api/v1/strategies?status=running", ADMIN_KEY, null, null).status()).isEqualTo(200);
        assertThat(get("/api/v1/health/simple").statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeysAreReadFromHeadersOnlyAndTheRefusalSaysWhereTheyGo() throws Exception {
        RawHttp.Answer inQuery = send("GET", "/api/v1/status?X-API-Key=" + ADMIN_KEY, null, null, null);
        assertJsonError(inQuery, 401, "X-API-Key header");
        assertThat(inQuery.body()).doesNotContain(ADMIN_KEY);
        assertJsonError(send("GET", "/api/v1/status?api_key=" + ADMIN_KEY, null, null, null), 401, "never accepted in "
                + "the URL");
        assertJsonError(send("GET", "/api/v1/status?Authorization=Bearer%20" + ADMIN_KEY, null, null, null), 401,
                "URL");
        assertJsonError(send("GET", "/api/v1/status", null, null, null), 401, "Authorization: Bearer");
        assertJsonError(send("GET", "/api/v1/status", "wrong-key-wrong-key-wrong-key", null, null), 401,
                "X-API-Key header");
        assertThat(send("GET", "/api/v1/status", ADMIN_KEY, null, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port(), "GET", "/api/v1/status", Map.of("Authorization", "Bearer " + ADMIN_KEY),
                (String) null).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersKeyNeverReachesTheAdminsRunsOnAnyStrategiesEndpoint() throws Exception {
        String bob = bob();
        await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", "/api/v1/strategies/dev-grid", ADMIN_KEY, null,
                null).status() == 200);
        for (String[] call : new String[][] {{"GET", "/api/v1/strategies/dev-grid"},
                {"GET", "/api/v1/strategies/dev-grid/events"}, {"GET", "/api/v1/strategies/dev-grid/logs"},
                {"POST", "/api/v1/strategies/dev-grid/start"}, {"POST", "/api/v1/strategies/dev-grid/resume"},
                {"POST", "/api/v1/strategies/dev-grid/stop"}}) {
            RawHttp.Answer answer = send(call[0], call[1], bob, null, null);
            assertJsonError(answer, 403, "belongs to another user's account");
            assertThat(answer.body()).doesNotContain("max_margin_usd", "sim-a", "ticker");
        }
        assertJsonError(send("GET", "/api/v1/strategies/nope", bob, null, null), 404, "no strategy run");
        assertJsonError(send("GET", "/api/v1/strategies/nope/events", bob, null, null), 404, "no strategy run");
        assertThat(send("GET", "/api/v1/strategies", bob, null, null).body()).doesNotContain("dev-grid");
        JsonNode adminView = JSON.readTree(send("GET", "/api/v1/strategies/dev-grid", ADMIN_KEY, null, null).body());
        assertThat(adminView.get("parameters").has("ticker")).isTrue();
        assertThat(send("GET", "/api/v1/strategies/dev-grid", ADMIN_KEY, null, null).status()).isEqualTo(200);
    }

    @Test
    void aStartThatFailsValidationLeavesNoRunAndVenueListsAreKeptWhole() throws Exception {
        RawHttp.Answer noName = send("POST", "/api/v1/configs", ADMIN_KEY, "application/json",
                "{\"strategy\": \"funding_arbitrage\", \"config\": {\"scan_exchanges\": [\"sim-a\", \"sim-b\"]}}");
        assertJsonError(noName, 400, "name is required");
        assertThat(send("GET", "/api/v1/configs", ADMIN_KEY, null, null).body()).doesNotContain("\"null\"");

        String venues = IntStream.range(0, 50).mapToObj(i -> "\"ex" + i + "\"").collect(Collectors.joining(", "));
        RawHttp.Answer saved = send("POST", "/api/v1/configs", ADMIN_KEY, "application/json",
                "{\"name\": \"g1\", \"strategy\": \"funding_arbitrage\", \"config\": {\"scan_exchanges\": ["
                        + venues + "]}}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        long configId = JSON.readTree(saved.body()).get("id").asLong();
        RawHttp.Answer run = send("POST", "/api/v1/configs/" + configId + "/run", ADMIN_KEY, null, null);
        assertJsonError(run, 400, "ex0");
        assertThat(send("GET", "/api/v1/strategies", ADMIN_KEY, null, null).body()).as("no run left behind")
                .doesNotContain("g1-");

        RawHttp.Answer created = send("POST", "/api/v1/strategies", ADMIN_KEY, "application/json",
                "{\"id\": \"fifty-venues\", \"strategy\": \"funding_arbitrage\", \"config\": "
                        + "{\"scan_exchanges\": [" + venues + "]}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode listed = JSON.readTree(send("GET", "/api/v1/strategies/fifty-venues", ADMIN_KEY, null, null).body());
        assertThat(listed.get("venue").asText()).contains("ex0, ex1").contains("ex49");
    }

    @Test
    void aDeactivatedOrDeletedAccountNoLongerTrades() throws Exception {
        String bob = bob();
        assertThat(send("GET", "/api/v1/balances", bob, null, null).status()).as("builds bob's clients").isEqualTo(200);
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement(
                "UPDATE accounts SET is_active = FALSE WHERE account_name = 'bobs'")) {
            ps.executeUpdate();
        }
        RawHttp.Answer deactivated = send("GET", "/api/v1/balances?account_name=bobs", bob, null, null);
        assertThat(deactivated.status()).as(deactivated.toString()).isIn(403, 404, 409);
        assertThat(deactivated.body()).contains("deactivated");
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement(
                "UPDATE accounts SET is_active = TRUE WHERE account_name = 'bobs'")) {
            ps.executeUpdate();
        }
        assertThat(send("GET", "/api/v1/balances?account_name=bobs", bob, null, null).status()).isEqualTo(200);
    }

    @Test
    void publicHealthEndpointsSayUnavailableInsteadOfTheErrorText() throws Exception {
        VenueRegistry registry = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        SimExchangeClient simC = (SimExchangeClient) registry.client("sim-c").orElseThrow();
        simC.faults().failNextRequests(1_000_000);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode venue = getJson("/api/v1/health/dex/sim-c", 200);
                assertThat(venue.get("consecutive_errors").asInt()).isPositive();
                assertThat(venue.get("last_error").asText()).isEqualTo("unavailable (details in the server log)");
            });
            for (String path : new String[] {"/api/v1/health", "/api/v1/dexes", "/api/v1/dexes/sim-c",
                    "/api/v1/tasks/status"}) {
                assertThat(get(path).body()).as(path).doesNotContain("injected");
            }
        } finally {
            simC.faults().clear();
        }
    }
}

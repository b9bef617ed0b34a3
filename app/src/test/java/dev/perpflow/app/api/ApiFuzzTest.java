package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the running app's OpenAPI document (issue 16): every endpoint and method is called with no key, a wrong key,
 * a revoked key, another user's key, a malformed body, a wrong content type and bad path and query values. Every
 * answer is JSON, never a 5xx or an empty reply; every 4xx has a {@code detail}; control endpoints refuse missing,
 * wrong and revoked keys; and {@code /health/simple} still answers after each call. An endpoint added to the REST
 * DSL is fuzzed without a new test; one outside the public prefixes below is expected to need a key.
 */
class ApiFuzzTest extends AppTestSupport {

    private static final String ADMIN_KEY = "api-fuzz-bootstrap-key-0123456789";
    /** The seed's public funding-service endpoints; everything else needs a key. */
    private static final List<String> PUBLIC = List.of("/api/v1/funding-rates", "/api/v1/history/", "/api/v1/stats/",
            "/api/v1/opportunities", "/api/v1/dexes", "/api/v1/health", "/api/v1/tasks/");
    private static final Map<String, String> GOOD_VALUES = Map.of("dex", "sim-a", "symbol", "BTC", "id", "dev-grid",
            "configId", "1", "positionId", "nope");
    private static final List<String> BAD_VALUES = List.of("%zz", "x".repeat(300), "..%2F..%2Fetc%2Fpasswd",
            "%27%20OR%201%3D1--", "%00", "%F0%9F%92%A5", "-1");
    private static final List<String> BAD_QUERIES = List.of("?limit=%zz", "?limit=abc&status=bogus&lines=-5"
            + "&close_positions=maybe&period=forever&min_profit=x&account_name=nobody&sort_by=nothing",
            "?limit=" + "9".repeat(40), "?a&&=&b==c", "?X-API-Key=perp_00000000000000000000000000000000");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private String bobKey;
    private String revokedKey;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.api-key", ADMIN_KEY);
        return properties;
    }

    private record Endpoint(String method, String template) {

        boolean isPublic() {
            return PUBLIC.stream().anyMatch(template::startsWith);
        }

        String path(Function<String, String> values) {
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(values.apply(matcher.group(1))));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        String withGoodValues() {
            return path(name -> GOOD_VALUES.getOrDefault(name, "x"));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private List<Endpoint> endpoints() throws Exception {
        JsonNode document = getJson("/api/v1/openapi.json", 200);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> endpoints.add(new Endpoint(
                    method.toUpperCase(java.util.Locale.ROOT), path.getKey())));
        }
        assertThat(endpoints).as("the OpenAPI document lists the API").hasSizeGreaterThan(30);
        return endpoints;
    }

    private void users() {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(dataSource(), clock);
        UserRepository users = new UserRepository(dataSource(), clock);
        ApiKeyRepository keys = new ApiKeyRepository(dataSource(), audit, clock);
        UserRepository.User bob = users.create("bob", false);
        new AccountRepository(dataSource(), audit, clock).create(bob, "bobs", null, "test");
        bobKey = keys.create(bob, "fuzz", null, "test").key();
        UserRepository.User carol = users.create("carol", false);
        ApiKeyRepository.Created carols = keys.create(carol, "fuzz", null, "test");
        keys.revoke(String.valueOf(carols.info().id()), "test");
        revokedKey = carols.key();
    }

    /** One call and the checks every answer must pass. */
    private void call(Endpoint endpoint, String target, Map<String, String> headers, String body,
            Set<Integer> allowed) throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), endpoint.method(), target, headers, body);
        String what = endpoint.method() + " " + target.substring(0, Math.min(target.length(), 120)) + " " + headers
                .keySet() + " -> " + answer;
        assertThat(answer.status()).as(what).isBetween(200, 499);
        assertThat(answer.isJson()).as(what + " (content type " + answer.headers().get("content-type") + ")").isTrue();
        JsonNode json = JSON.readTree(answer.body());
        if (answer.status() >= 400) {
            assertThat(json.path("detail").asText()).as(what).isNotBlank();
        }
        if (!allowed.isEmpty()) {
            assertThat(answer.status()).as(what).isIn(allowed);
        }
        assertThat(RawHttp.send(port(), "GET", "/api/v1/health/simple", Map.of(), (String) null).status())
                .as("the server still answers after " + what).isEqualTo(200);
    }

    private static Map<String, String> key(String key) {
        return Map.of("X-API-Key", key);
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAnswersEveryBadRequestInJson() throws Exception {
        users();
        assertThat(RawHttp.send(port(), "GET", "/api/v1/accounts", key(bobKey), (String) null).status())
                .as("bob's key is verified before the flood of wrong keys").isEqualTo(200);
        List<DynamicContainer> containers = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            boolean post = endpoint.method().equals("POST");
            String good = endpoint.withGoodValues();
            Set<Integer> refused = endpoint.isPublic() ? Set.of() : Set.of(401, 429);
            Map<String, DynamicTest> cases = new LinkedHashMap<>();
            cases.put("no key", DynamicTest.dynamicTest("no key", () -> call(endpoint, good, Map.of(), null,
                    endpoint.isPublic() ? Set.of() : Set.of(401))));
            cases.put("wrong key", DynamicTest.dynamicTest("wrong key", () -> call(endpoint, good,
                    key("perp_" + "0123456789abcdef".repeat(2)), null, refused)));
            cases.put("bearer junk", DynamicTest.dynamicTest("bearer junk", () -> call(endpoint, good,
                    Map.of("Authorization", "Bearer \u00e4\u00f6\u00fc;,;"), null, refused)));
            cases.put("revoked key", DynamicTest.dynamicTest("revoked key", () -> call(endpoint, good,
                    key(revokedKey), null, refused)));
            cases.put("another user's key", DynamicTest.dynamicTest("another user's key", () -> call(endpoint,
                    good, key(bobKey), null, Set.of())));
            cases.put("malformed body", DynamicTest.dynamicTest("malformed body", () -> call(endpoint, good,
                    Map.of("X-API-Key", bobKey, "Content-Type", "application/json"), "{\"id\": [1, {\"x\": ", post
                            && !endpoint.isPublic() ? Set.of(400, 403, 404) : Set.of())));
            cases.put("wrong content type", DynamicTest.dynamicTest("wrong content type", () -> call(endpoint,
                    good, Map.of("X-API-Key", bobKey, "Content-Type", "application/x-www-form-urlencoded"),
                    "a=%zz&b", Set.of())));
            cases.put("binary body", DynamicTest.dynamicTest("binary body", () -> call(endpoint, good,
                    Map.of("X-API-Key", bobKey, "Content-Type", "application/octet-stream"),
                    new String(new byte[] {0, (byte) 0xff, 0x7b, 0x22, 0x0a, 0x5b}, java.nio.charset.StandardCharsets
                            .ISO_8859_1), Set.of())));
            if (endpoint.template().contains("{")) {
                for (String bad : BAD_VALUES) {
                    cases.put("path " + bad.substring(0, Math.min(bad.length(), 12)), DynamicTest.dynamicTest(
                            "bad path value " + bad.substring(0, Math.min(bad.length(), 20)), () -> call(endpoint,
                                    endpoint.path(name -> bad), key(bobKey), post ? "{}" : null, Set.of())));
                }
            }
            for (String query : BAD_QUERIES) {
                cases.put("query " + query.substring(0, Math.min(query.length(), 16)), DynamicTest.dynamicTest(
                        "bad query " + query.substring(0, Math.min(query.length(), 30)), () -> call(endpoint,
                                good + query, key(bobKey), null, Set.of())));
            }
            containers.add(DynamicContainer.dynamicContainer(endpoint.toString(), cases.values().stream()));
        }
        containers.add(DynamicContainer.dynamicContainer("afterwards", Stream.of(DynamicTest.dynamicTest(
                "trading is untouched and the server answers", () -> {
                    JsonNode status = JSON.readTree(RawHttp.send(port(), "GET", "/api/v1/status", key(ADMIN_KEY),
                            (String) null).body());
                    assertThat(status.get("trading_state").asText()).isEqualTo("ACTIVE");
                    assertThat(get("/api/v1/health/simple").statusCode()).isEqualTo(200);
                }))));
        return containers.stream();
    }
}

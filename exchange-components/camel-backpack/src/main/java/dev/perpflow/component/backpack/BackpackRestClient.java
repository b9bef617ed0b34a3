package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Backpack's REST endpoints, one method each (raw venue verbs; {@link BackpackExchangeClient} speaks the domain).
 * Public calls are plain GETs; private calls carry {@code X-API-Key}, {@code X-Timestamp}, {@code X-Window} and the
 * Ed25519 {@code X-Signature} over the endpoint's instruction and the exact params sent (query values as decoded,
 * top-level JSON body fields as text). Transport, rate limiting and HTTP-level error mapping are
 * {@link VenueHttpClient}'s; Backpack's error codes are {@link BackpackErrors}'.
 */
final class BackpackRestClient {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String SIGNATURE_HEADER = "X-Signature";
    static final String TIMESTAMP_HEADER = "X-Timestamp";
    static final String WINDOW_HEADER = "X-Window";
    private static final String JSON_CONTENT = "application/json; charset=utf-8";

    private final BackpackConfiguration config;
    private final VenueHttpClient http;
    private final ObjectMapper json;
    private final BackpackSigner signer;
    private final Clock clock;

    BackpackRestClient(BackpackConfiguration config, VenueHttpClient http, ObjectMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.signer = config.hasCredentials() ? new BackpackSigner(config.credentials()) : null;
    }

    ObjectMapper mapper() {
        return json;
    }

    // --- public ---

    CompletableFuture<JsonNode> getMarkets() {
        return publicGet("/api/v1/markets", Map.of());
    }

    CompletableFuture<JsonNode> getMarkPrices() {
        return publicGet("/api/v1/markPrices", Map.of());
    }

    CompletableFuture<JsonNode> getTickers() {
        return publicGet("/api/v1/tickers", Map.of());
    }

    /** Open interest of every market (base units); Backpack also answers one market with {@code ?symbol=}. */
    CompletableFuture<JsonNode> getOpenInterest() {
        return publicGet("/api/v1/openInterest", Map.of());
    }

    CompletableFuture<JsonNode> getDepth(String venueSymbol, int limit) {
        return publicGet("/api/v1/depth", params("symbol", venueSymbol, "limit", String.valueOf(limit)));
    }

    // --- private ---

    /** {@code orderExecute}: a timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}. */
    CompletableFuture<JsonNode> postOrder(ObjectNode body, String clientOrderId) {
        return signed("POST", "/api/v1/order", "orderExecute", Map.of(), body, clientOrderId);
    }

    /** {@code orderQuery}: an order resting on the book (Backpack answers RESOURCE_NOT_FOUND for ended ones). */
    CompletableFuture<JsonNode> getOrder(String venueSymbol, long clientId) {
        return signed("GET", "/api/v1/order", "orderQuery",
                params("symbol", venueSymbol, "clientId", Long.toString(clientId)), null, null);
    }

    CompletableFuture<JsonNode> deleteOrder(String venueSymbol, long clientId) {
        ObjectNode body = json.createObjectNode().put("clientId", clientId).put("symbol", venueSymbol);
        return signed("DELETE", "/api/v1/order", "orderCancel", Map.of(), body, null);
    }

    /** {@code orderQueryAll}: open orders, of one market or (symbol {@code null}) of all. */
    CompletableFuture<JsonNode> getOpenOrders(String venueSymbol) {
        Map<String, String> query = venueSymbol == null ? params("marketType", "PERP") : params("symbol", venueSymbol);
        return signed("GET", "/api/v1/orders", "orderQueryAll", query, null, null);
    }

    /** {@code orderHistoryQueryAll}: recent orders of a market, newest first, ended ones included. */
    CompletableFuture<JsonNode> getOrderHistory(String venueSymbol, int limit) {
        return signed("GET", "/wapi/v1/history/orders", "orderHistoryQueryAll",
                params("symbol", venueSymbol, "limit", String.valueOf(limit)), null, null);
    }

    CompletableFuture<JsonNode> getPositions() {
        return signed("GET", "/api/v1/position", "positionQuery", Map.of(), null, null);
    }

    CompletableFuture<JsonNode> getCollateral() {
        return signed("GET", "/api/v1/capital/collateral", "collateralQuery", Map.of(), null, null);
    }

    /** {@code fillHistoryQueryAll} from {@code fromMillis}, oldest first, one page. */
    CompletableFuture<JsonNode> getFills(long fromMillis, int limit, int offset) {
        return signed("GET", "/wapi/v1/history/fills", "fillHistoryQueryAll", params("from", Long.toString(fromMillis),
                "limit", String.valueOf(limit), "offset", String.valueOf(offset), "sortDirection", "Asc"), null, null);
    }

    /** {@code accountUpdate} of the account-wide leverage limit. */
    CompletableFuture<JsonNode> patchLeverageLimit(int leverage) {
        ObjectNode body = json.createObjectNode().put("leverageLimit", String.valueOf(leverage));
        return signed("PATCH", "/api/v1/account", "accountUpdate", Map.of(), body, null);
    }

    // --- signing and sending ---

    /** The {@code signature} array of a private stream subscribe: key, signature, timestamp, window. */
    String[] streamSignature() {
        requireCredentials("the private stream");
        long timestamp = clock.millis();
        long window = config.window().toMillis();
        return new String[] {signer.publicKey(),
                signer.sign(BackpackSigner.signee("subscribe", Map.of(), timestamp, window)),
                Long.toString(timestamp), Long.toString(window)};
    }

    private CompletableFuture<JsonNode> publicGet(String path, Map<String, String> query) {
        return send(VenueRequest.get(path, encode(query)));
    }

    private CompletableFuture<JsonNode> signed(String method, String path, String instruction,
            Map<String, String> query, ObjectNode body, String clientOrderId) {
        VenueRequest request;
        try {
            requireCredentials(method + " " + path);
            Map<String, String> signed = new LinkedHashMap<>(query);
            if (body != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    signed.put(field.getKey(), signeeValue(field.getValue()));
                }
            }
            long timestamp = clock.millis();
            long window = config.window().toMillis();
            String signature = signer.sign(BackpackSigner.signee(instruction, signed, timestamp, window));
            request = new VenueRequest(method, path, encode(query), body == null ? "" : body.toString(),
                    body == null ? null : JSON_CONTENT, Map.of(API_KEY_HEADER, signer.publicKey(),
                    SIGNATURE_HEADER, signature, TIMESTAMP_HEADER, Long.toString(timestamp),
                    WINDOW_HEADER, Long.toString(window)), 1, null);
        } catch (ExchangeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(clientOrderId == null ? request : request.submitting(clientOrderId));
    }

    /** A body field as the venue signs it: strings without quotes, numbers and booleans as written. */
    static String signeeValue(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private void requireCredentials(String what) {
        if (signer == null) {
            throw new AuthenticationException(config.venue(), what + " needs credentials: set "
                    + BackpackCredentials.PUBLIC_KEY_ENV + " and " + BackpackCredentials.SECRET_KEY_ENV
                    + " (or the account's backpack credentials)");
        }
    }

    private CompletableFuture<JsonNode> send(VenueRequest request) {
        return http.send(request).thenApply(response -> {
            if (response.body().isBlank()) {
                return json.nullNode(); // accountUpdate answers 200 with no body
            }
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new CompletionException(new ExchangeException(config.venue(), request.describe()
                        + " answered with a body that is not JSON: " + VenueHttpClient.abbreviate(response.body()), e));
            }
        });
    }

    static String encode(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}

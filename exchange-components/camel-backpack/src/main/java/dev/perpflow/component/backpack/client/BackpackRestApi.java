package dev.perpflow.component.backpack.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.backpack.BackpackConfiguration;
import dev.perpflow.component.backpack.BackpackCredentials;
import dev.perpflow.component.backpack.dto.BackpackCollateral;
import dev.perpflow.component.backpack.dto.BackpackDepth;
import dev.perpflow.component.backpack.dto.BackpackFill;
import dev.perpflow.component.backpack.dto.BackpackMarkPrice;
import dev.perpflow.component.backpack.dto.BackpackMarket;
import dev.perpflow.component.backpack.dto.BackpackOpenInterest;
import dev.perpflow.component.backpack.dto.BackpackOrder;
import dev.perpflow.component.backpack.dto.BackpackPosition;
import dev.perpflow.component.backpack.dto.BackpackTicker;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Backpack's REST endpoints, one method each, named after the endpoint and answering its payload records (raw venue
 * verbs; {@code BackpackExchangeClient} speaks the domain). Public calls are plain GETs; private calls carry
 * {@code X-API-Key}, {@code X-Timestamp}, {@code X-Window} and the Ed25519 {@code X-Signature} over the endpoint's
 * instruction and the exact params sent (query values as decoded, top-level JSON body fields as text), made when
 * the rate budget lets the request go. Cancels go out as critical requests, and may be sent while a 429's
 * {@code Retry-After} runs (Backpack publishes no ban escalation); a submit is critical when its order is.
 * Transport and budget are {@link VenueHttpClient}'s, Backpack's error codes {@link BackpackErrors}'.
 */
public final class BackpackRestApi extends VenueRestApi {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String SIGNATURE_HEADER = "X-Signature";
    static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String WINDOW_HEADER = "X-Window";
    private static final String JSON_CONTENT = "application/json; charset=utf-8";

    private final BackpackConfiguration config;
    private final BackpackSigner signer;
    private final Clock clock;

    public BackpackRestApi(BackpackConfiguration config, HttpClient http, Clock clock) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-requests", config.getRequestsPerPeriod(),
                        Duration.ofSeconds(BackpackConfiguration.PERIOD_SECONDS)),
                new BackpackErrors(config.getVenue(), newMapper()), true),
                // openInterest answers one object for ?symbol= and a list without
                newMapper().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY));
        this.config = config;
        this.clock = clock;
        BackpackCredentials credentials = config.credentials();
        this.signer = credentials == null ? null : new BackpackSigner(credentials);
    }

    // --- public ---

    public CompletableFuture<List<BackpackMarket>> getMarkets() {
        return publicGet("/api/v1/markets", Map.of(), new TypeReference<>() { });
    }

    public CompletableFuture<List<BackpackMarkPrice>> getMarkPrices() {
        return publicGet("/api/v1/markPrices", Map.of(), new TypeReference<>() { });
    }

    public CompletableFuture<List<BackpackTicker>> getTickers() {
        return publicGet("/api/v1/tickers", Map.of(), new TypeReference<>() { });
    }

    /** Open interest of every market (base units). */
    public CompletableFuture<List<BackpackOpenInterest>> getOpenInterest() {
        return publicGet("/api/v1/openInterest", Map.of(), new TypeReference<>() { });
    }

    public CompletableFuture<BackpackDepth> getDepth(String venueSymbol, int limit) {
        return publicGet("/api/v1/depth", params("symbol", venueSymbol, "limit", String.valueOf(limit)),
                new TypeReference<>() { });
    }

    // --- private ---

    /** {@code orderExecute}: a timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}. */
    public CompletableFuture<BackpackOrder> postOrder(ObjectNode body, String clientOrderId, boolean critical) {
        VenueRequest request = request("POST", "/api/v1/order", Map.of(), body).submitting(clientOrderId);
        return signed(critical ? request.critical() : request, "orderExecute", new TypeReference<>() { });
    }

    /** {@code orderQuery}: an order resting on the book (Backpack answers RESOURCE_NOT_FOUND for ended ones). */
    public CompletableFuture<BackpackOrder> getOrder(String venueSymbol, long clientId) {
        return signed(request("GET", "/api/v1/order", params("symbol", venueSymbol, "clientId",
                Long.toString(clientId)), null), "orderQuery", new TypeReference<>() { });
    }

    /** {@code orderCancel}, by client id. */
    public CompletableFuture<BackpackOrder> deleteOrder(String venueSymbol, long clientId) {
        ObjectNode body = mapper().createObjectNode().put("clientId", clientId).put("symbol", venueSymbol);
        return signed(request("DELETE", "/api/v1/order", Map.of(), body).critical(), "orderCancel",
                new TypeReference<>() { });
    }

    /** {@code orderQueryAll}: open orders, of one market or (symbol {@code null}) of all. */
    public CompletableFuture<List<BackpackOrder>> getOpenOrders(String venueSymbol) {
        Map<String, String> query = venueSymbol == null ? params("marketType", "PERP") : params("symbol", venueSymbol);
        return signed(request("GET", "/api/v1/orders", query, null), "orderQueryAll", new TypeReference<>() { });
    }

    /** {@code orderHistoryQueryAll}: recent orders of a market, newest first, ended ones included. */
    public CompletableFuture<List<BackpackOrder>> getOrderHistory(String venueSymbol, int limit) {
        return signed(request("GET", "/wapi/v1/history/orders", params("symbol", venueSymbol, "limit",
                String.valueOf(limit)), null), "orderHistoryQueryAll", new TypeReference<>() { });
    }

    public CompletableFuture<List<BackpackPosition>> getPositions() {
        return signed(request("GET", "/api/v1/position", Map.of(), null), "positionQuery", new TypeReference<>() { });
    }

    public CompletableFuture<BackpackCollateral> getCollateral() {
        return signed(request("GET", "/api/v1/capital/collateral", Map.of(), null), "collateralQuery",
                new TypeReference<>() { });
    }

    /** {@code fillHistoryQueryAll} from {@code fromMillis}, oldest first, one page. */
    public CompletableFuture<List<BackpackFill>> getFills(long fromMillis, int limit, int offset) {
        return signed(request("GET", "/wapi/v1/history/fills", params("from", Long.toString(fromMillis), "limit",
                String.valueOf(limit), "offset", String.valueOf(offset), "sortDirection", "Asc"), null),
                "fillHistoryQueryAll", new TypeReference<>() { });
    }

    /** {@code accountUpdate} of the account-wide leverage limit (answers 200 with no body). */
    public CompletableFuture<JsonNode> patchLeverageLimit(int leverage) {
        ObjectNode body = mapper().createObjectNode().put("leverageLimit", String.valueOf(leverage));
        return signed(request("PATCH", "/api/v1/account", Map.of(), body), "accountUpdate", new TypeReference<>() { });
    }

    // --- signing ---

    /** The {@code signature} array of a private stream subscribe: key, signature, timestamp, window. */
    public String[] streamSignature() {
        if (signer == null) {
            throw missingCredentials("the private stream");
        }
        long timestamp = clock.millis();
        long window = config.getWindow();
        return new String[] {signer.publicKey(),
                signer.sign(BackpackSigner.signee("subscribe", Map.of(), timestamp, window)),
                Long.toString(timestamp), Long.toString(window)};
    }

    private <T> CompletableFuture<T> publicGet(String path, Map<String, String> query, TypeReference<T> type) {
        return call(VenueRequest.get(path, encode(query)), type);
    }

    private VenueRequest request(String method, String path, Map<String, String> query, ObjectNode body) {
        return new VenueRequest(method, path, encode(query), body == null ? "" : body.toString(),
                body == null ? null : JSON_CONTENT, Map.of(), 1, null);
    }

    private <T> CompletableFuture<T> signed(VenueRequest unsigned, String instruction, TypeReference<T> type) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials(unsigned.describe()));
        }
        return call(unsigned, sign(instruction), type);
    }

    /** The signee is the instruction and the query parameters and top-level body fields, sorted, then the time. */
    private UnaryOperator<VenueRequest> sign(String instruction) {
        return request -> {
            Map<String, String> signed = new LinkedHashMap<>();
            for (String pair : request.query().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    signed.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (!request.body().isEmpty()) {
                JsonNode body = read(request.body(), JsonNode.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    signed.put(field.getKey(), signeeValue(field.getValue()));
                }
            }
            long timestamp = clock.millis();
            long window = config.getWindow();
            String signature = signer.sign(BackpackSigner.signee(instruction, signed, timestamp, window));
            return request.withHeader(API_KEY_HEADER, signer.publicKey()).withHeader(SIGNATURE_HEADER, signature)
                    .withHeader(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .withHeader(WINDOW_HEADER, Long.toString(window));
        };
    }

    /** A body field as the venue signs it: strings without quotes, numbers and booleans as written. */
    static String signeeValue(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private AuthenticationException missingCredentials(String what) {
        return new AuthenticationException(config.getVenue(), what + " needs credentials: set "
                + BackpackCredentials.PUBLIC_KEY_ENV + " and " + BackpackCredentials.SECRET_KEY_ENV
                + " (or the account's backpack credentials)");
    }

    @Override
    public String toString() {
        return "BackpackRestApi[" + config.getRestUrl() + "]";
    }
}

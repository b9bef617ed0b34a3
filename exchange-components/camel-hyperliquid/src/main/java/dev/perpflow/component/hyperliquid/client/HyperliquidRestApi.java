package dev.perpflow.component.hyperliquid.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.hyperliquid.HyperliquidConfiguration;
import dev.perpflow.component.hyperliquid.HyperliquidCredentials;
import dev.perpflow.component.hyperliquid.dto.HyperliquidAssetCtx;
import dev.perpflow.component.hyperliquid.dto.HyperliquidClearinghouseState;
import dev.perpflow.component.hyperliquid.dto.HyperliquidExchangeResponse;
import dev.perpflow.component.hyperliquid.dto.HyperliquidFill;
import dev.perpflow.component.hyperliquid.dto.HyperliquidFundingHistory;
import dev.perpflow.component.hyperliquid.dto.HyperliquidL2Book;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMeta;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMetaAndAssetCtxs;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrder;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrderStatus;
import dev.perpflow.component.hyperliquid.dto.HyperliquidPredictedFunding;
import dev.perpflow.component.hyperliquid.dto.HyperliquidUserFunding;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Hyperliquid's endpoints, one method each, named after the request {@code type}: reads are {@code POST /info}
 * ({@code meta}, {@code metaAndAssetCtxs}, {@code predictedFundings}, {@code fundingHistory}, {@code l2Book},
 * {@code clearinghouseState}, {@code frontendOpenOrders}, {@code orderStatus}, {@code userFillsByTime},
 * {@code userFunding}; user reads name the account address), actions are {@code POST /exchange} with the action, a
 * nonce and the L1 signature ({@link HyperliquidSigner}), made when the rate budget lets the request go so the nonce
 * is fresh. Nonces are the current time in ms, strictly increasing per client (the venue keeps each signer's 100
 * highest and refuses a repeat). Weights are the venue's: 2 for {@code l2Book}, {@code clearinghouseState} and
 * {@code orderStatus}, 20 for other reads, 1 for an action. A refusal sent as HTTP 200 ({@code status: err}) is turned
 * into its typed error ({@link HyperliquidErrors}); per-order statuses are left to the caller.
 */
public final class HyperliquidRestApi extends VenueRestApi {

    private static final String JSON = "application/json";

    private final HyperliquidConfiguration config;
    private final HyperliquidCredentials credentials;
    private final HyperliquidSigner signer;
    private final HyperliquidErrors errors;

    private final Clock clock;
    private final AtomicLong lastNonce = new AtomicLong();

    public HyperliquidRestApi(HyperliquidConfiguration config, HttpClient http, Clock clock) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-weight", config.getWeightPerMinute(), Duration.ofMinutes(1)),
                new HyperliquidErrors(config.getVenue())), newMapper());
        this.config = config;
        this.clock = clock;
        this.credentials = config.credentials();
        this.signer = credentials == null ? null : HyperliquidSigner.of(credentials.privateKey(), !config.isTestnet());
        this.errors = new HyperliquidErrors(config.getVenue());
    }

    /** How the venue's error texts map to typed errors (also for per-order statuses). */
    public HyperliquidErrors errors() {
        return errors;
    }

    /** The account whose data the user reads return, or {@code null} without credentials. */
    public String accountAddress() {
        return credentials == null ? null : credentials.accountAddress();
    }

    // --- public market data ---

    public CompletableFuture<HyperliquidMeta> getMeta() {
        return info(Map.of("type", "meta"), 20, new TypeReference<>() { });
    }

    /** Sent as {@code [meta, [ctx, …]]}. */
    public CompletableFuture<HyperliquidMetaAndAssetCtxs> getMetaAndAssetCtxs() {
        return info(Map.of("type", "metaAndAssetCtxs"), 20, new TypeReference<List<JsonNode>>() { }).thenApply(pair -> {
            if (pair == null || pair.size() != 2) {
                throw new ExchangeException(venue(), "metaAndAssetCtxs is not [meta, assetCtxs]");
            }
            return new HyperliquidMetaAndAssetCtxs(mapper().convertValue(pair.get(0), HyperliquidMeta.class),
                    mapper().convertValue(pair.get(1), new TypeReference<List<HyperliquidAssetCtx>>() { }));
        });
    }

    /** Sent as {@code [[coin, [[venue, {fundingRate, nextFundingTime, fundingIntervalHours}], …]], …]}. */
    public CompletableFuture<List<HyperliquidPredictedFunding>> getPredictedFundings() {
        return info(Map.of("type", "predictedFundings"), 20, new TypeReference<List<JsonNode>>() { }).thenApply(rows -> {
            List<HyperliquidPredictedFunding> out = new ArrayList<>();
            for (JsonNode row : rows == null ? List.<JsonNode>of() : rows) {
                String coin = row.path(0).asText();
                for (JsonNode venueRow : row.path(1)) {
                    JsonNode point = venueRow.path(1);
                    if (point.isMissingNode() || point.isNull()) {
                        continue;
                    }
                    out.add(new HyperliquidPredictedFunding(coin, venueRow.path(0).asText(),
                            point.hasNonNull("fundingRate") ? new BigDecimal(point.get("fundingRate").asText()) : null,
                            point.hasNonNull("nextFundingTime") ? point.get("nextFundingTime").asLong() : null,
                            point.hasNonNull("fundingIntervalHours") ? point.get("fundingIntervalHours").asInt() : null));
                }
            }
            return out;
        });
    }

    public CompletableFuture<List<HyperliquidFundingHistory>> getFundingHistory(String coin, long startTime) {
        return info(body("type", "fundingHistory", "coin", coin, "startTime", startTime), 20, new TypeReference<>() { });
    }

    public CompletableFuture<HyperliquidL2Book> getL2Book(String coin) {
        return info(body("type", "l2Book", "coin", coin), 2, new TypeReference<>() { });
    }

    // --- account reads (the account's address, no signature) ---

    public CompletableFuture<HyperliquidClearinghouseState> getClearinghouseState() {
        return userInfo("clearinghouseState", Map.of(), 2, new TypeReference<>() { });
    }

    public CompletableFuture<List<HyperliquidOrder>> getFrontendOpenOrders() {
        return userInfo("frontendOpenOrders", Map.of(), 20, new TypeReference<>() { });
    }

    /** By the client order id ({@code 0x} + 32 hex digits). */
    public CompletableFuture<HyperliquidOrderStatus> getOrderStatus(String cloid) {
        return userInfo("orderStatus", Map.of("oid", cloid), 2, new TypeReference<>() { });
    }

    /** By the venue's order id. */
    public CompletableFuture<HyperliquidOrderStatus> getOrderStatus(long oid) {
        return userInfo("orderStatus", Map.of("oid", oid), 2, new TypeReference<>() { });
    }

    /** Fills from {@code startTime} (epoch ms), at most 2000 a page, oldest first. */
    public CompletableFuture<List<HyperliquidFill>> getUserFillsByTime(long startTime) {
        return userInfo("userFillsByTime", Map.of("startTime", startTime), 20, new TypeReference<>() { });
    }

    public CompletableFuture<List<HyperliquidUserFunding>> getUserFunding(long startTime) {
        return userInfo("userFunding", Map.of("startTime", startTime), 20, new TypeReference<>() { });
    }

    // --- actions (signed) ---

    /** A submit: a timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}. */
    public CompletableFuture<HyperliquidExchangeResponse> postOrder(Map<String, Object> action, String clientOrderId,
            boolean critical) {
        VenueRequest request = exchangeRequest().submitting(clientOrderId);
        return exchange(action, critical ? request.critical() : request, clientOrderId);
    }

    public CompletableFuture<HyperliquidExchangeResponse> postCancel(Map<String, Object> action, String clientOrderId) {
        return exchange(action, exchangeRequest().critical(), clientOrderId);
    }

    public CompletableFuture<HyperliquidExchangeResponse> postUpdateLeverage(Map<String, Object> action) {
        return exchange(action, exchangeRequest(), null);
    }

    // --- requests ---

    private VenueRequest exchangeRequest() {
        return new VenueRequest("POST", "/exchange", "", "", JSON, Map.of(), 1, null);
    }

    private CompletableFuture<HyperliquidExchangeResponse> exchange(Map<String, Object> action, VenueRequest request,
            String clientOrderId) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials());
        }
        return call(request, sign(action), new TypeReference<HyperliquidExchangeResponse>() { }).thenApply(answer -> {
            if (answer == null || !"ok".equals(answer.status())) {
                String text = answer == null || answer.response() == null ? "no answer"
                        : answer.response().isTextual() ? answer.response().asText() : answer.response().toString();
                throw new CompletionException(errors.fromText(clientOrderId, request.describe() + " refused: " + text,
                        text));
            }
            return answer;
        });
    }

    /** Chooses the nonce, signs the action with it and writes the body, when the budget lets the request go. */
    private UnaryOperator<VenueRequest> sign(Map<String, Object> action) {
        return request -> {
            long nonce = nextNonce();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.put("nonce", nonce);
            body.put("signature", HyperliquidSigner.wire(signer.signL1Action(action, null, nonce, null)));
            body.put("vaultAddress", null);
            body.put("expiresAfter", null);
            return request.withBody(write(body), JSON);
        };
    }

    /** The current time in ms, or one more than the last nonce when the clock has not moved on. */
    long nextNonce() {
        return lastNonce.updateAndGet(last -> Math.max(last + 1, clock.millis()));
    }

    private <T> CompletableFuture<T> userInfo(String type, Map<String, Object> fields, int weight,
            TypeReference<T> answer) {
        if (credentials == null) {
            return CompletableFuture.failedFuture(missingCredentials());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("user", credentials.accountAddress());
        body.putAll(fields);
        return info(body, weight, answer);
    }

    private <T> CompletableFuture<T> info(Map<String, Object> body, int weight, TypeReference<T> answer) {
        return call(new VenueRequest("POST", "/info", "", write(body), JSON, Map.of(), weight, null), answer);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private String write(Object body) {
        try {
            return mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body not writable", e);
        }
    }

    private AuthenticationException missingCredentials() {
        return new AuthenticationException(config.getVenue(), "needs credentials: set HYPERLIQUID_PRIVATE_KEY and"
                + " HYPERLIQUID_ACCOUNT_ADDRESS (or the account's hyperliquid credentials)");
    }

    @Override
    public String toString() {
        return "HyperliquidRestApi[" + config.getRestUrl() + ", " + (config.isTestnet() ? "testnet" : "mainnet") + "]";
    }
}

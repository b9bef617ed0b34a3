package dev.perpflow.component.paradex.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.paradex.ParadexConfiguration;
import dev.perpflow.component.paradex.ParadexCredentials;
import dev.perpflow.component.paradex.dto.ParadexAccountSummary;
import dev.perpflow.component.paradex.dto.ParadexAuth;
import dev.perpflow.component.paradex.dto.ParadexBbo;
import dev.perpflow.component.paradex.dto.ParadexFill;
import dev.perpflow.component.paradex.dto.ParadexFundingData;
import dev.perpflow.component.paradex.dto.ParadexLeverage;
import dev.perpflow.component.paradex.dto.ParadexMarket;
import dev.perpflow.component.paradex.dto.ParadexMarketSummary;
import dev.perpflow.component.paradex.dto.ParadexOrder;
import dev.perpflow.component.paradex.dto.ParadexOrderBook;
import dev.perpflow.component.paradex.dto.ParadexPage;
import dev.perpflow.component.paradex.dto.ParadexPosition;
import dev.perpflow.component.paradex.dto.ParadexSystemConfig;
import dev.perpflow.component.paradex.dto.ParadexSystemState;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Paradex's REST endpoints (base URL with {@code /v1}), one method each, answering their payload records. Public
 * calls are plain GETs. Private calls carry {@code Authorization: Bearer <JWT>}; the JWT comes from {@code POST /auth}
 * signed with the account's STARK key ({@link ParadexSigner}) and is fetched again after {@code jwtRefresh} or when the
 * venue refuses it. Orders are signed when the budget lets them go ({@code signature}, {@code signature_timestamp}),
 * so the signature's time is the send time. The chain id the signatures name is read once from
 * {@code /system/config}. Cancels are critical requests. Transport and budget are {@link VenueHttpClient}'s, error
 * codes {@link ParadexErrors}'.
 */
public final class ParadexRestApi extends VenueRestApi {

    static final String ACCOUNT_HEADER = "PARADEX-STARKNET-ACCOUNT";
    static final String SIGNATURE_HEADER = "PARADEX-STARKNET-SIGNATURE";
    static final String TIMESTAMP_HEADER = "PARADEX-TIMESTAMP";
    static final String EXPIRATION_HEADER = "PARADEX-SIGNATURE-EXPIRATION";
    private static final String JSON_CONTENT = "application/json";
    /** The validity asked for an auth signature (the JWT itself lives shorter). */
    private static final Duration AUTH_SIGNATURE_VALIDITY = Duration.ofMinutes(30);

    private final ParadexConfiguration config;
    private final ParadexCredentials credentials;
    private final ParadexSigner signer;
    private final Clock clock;
    private CompletableFuture<String> chainId;
    private CompletableFuture<String> jwt;
    private Instant jwtAt = Instant.MIN;

    public ParadexRestApi(ParadexConfiguration config, HttpClient http, Clock clock) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-requests", config.getRequestsPerSecond(), Duration.ofSeconds(1)),
                new ParadexErrors(config.getVenue(), newMapper()), true), newMapper());
        this.config = config;
        this.clock = clock;
        this.credentials = config.credentials();
        this.signer = credentials == null ? null : new ParadexSigner(credentials);
    }

    // --- public ---

    public CompletableFuture<ParadexPage<ParadexMarket>> getMarkets() {
        return call(VenueRequest.get("/markets", ""), new TypeReference<>() { });
    }

    /** Every market's summary ({@code market=ALL}). */
    public CompletableFuture<ParadexPage<ParadexMarketSummary>> getMarketsSummary() {
        return call(VenueRequest.get("/markets/summary", "market=ALL"), new TypeReference<>() { });
    }

    /** Funding history of a market from {@code startAt} (ms), one page. */
    public CompletableFuture<ParadexPage<ParadexFundingData>> getFundingData(String market, long startAt, int pageSize) {
        return call(VenueRequest.get("/funding/data", encode(params("market", market, "start_at",
                Long.toString(startAt), "page_size", Integer.toString(pageSize)))), new TypeReference<>() { });
    }

    public CompletableFuture<ParadexOrderBook> getOrderBook(String market, int depth) {
        return call(VenueRequest.get("/orderbook/" + market, "depth=" + depth), new TypeReference<>() { });
    }

    public CompletableFuture<ParadexBbo> getBbo(String market) {
        return call(VenueRequest.get("/bbo/" + market, ""), new TypeReference<>() { });
    }

    /** {@code ok}, {@code maintenance}, {@code cancel_only} or {@code post_only}. */
    public CompletableFuture<ParadexSystemState> getSystemState() {
        return call(VenueRequest.get("/system/state", ""), new TypeReference<>() { });
    }

    public CompletableFuture<ParadexSystemConfig> getSystemConfig() {
        return call(VenueRequest.get("/system/config", ""), new TypeReference<>() { });
    }

    // --- private ---

    /**
     * {@code POST /orders}: {@code body} holds the order's fields without its signature, which is added when the
     * budget lets the request go. A timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}.
     */
    public CompletableFuture<ParadexOrder> postOrder(ObjectNode body, String clientOrderId, boolean critical) {
        VenueRequest request = new VenueRequest("POST", "/orders", "", body.toString(), JSON_CONTENT, Map.of(), 1,
                clientOrderId);
        VenueRequest sent = critical ? request.critical() : request;
        return chainId().thenCompose(chain -> authorized(sent, signOrder(chain), new TypeReference<ParadexOrder>() { }));
    }

    /** {@code GET /orders/by_client_id/{client_id}}: the order, working or ended. */
    public CompletableFuture<ParadexOrder> getOrderByClientId(String clientId) {
        return authorized(VenueRequest.get("/orders/by_client_id/" + pathPart(clientId), ""), UnaryOperator.identity(),
                new TypeReference<>() { });
    }

    /** {@code DELETE /orders/by_client_id/{client_id}} (answers without a body; the cancel is asynchronous). */
    public CompletableFuture<JsonNode> deleteOrderByClientId(String clientId) {
        return authorized(new VenueRequest("DELETE", "/orders/by_client_id/" + pathPart(clientId), "", "", null,
                Map.of(), 1, null).critical(), UnaryOperator.identity(), new TypeReference<>() { });
    }

    /** {@code GET /orders}: open orders, of one market or (null) of all. */
    public CompletableFuture<ParadexPage<ParadexOrder>> getOpenOrders(String market) {
        return authorized(VenueRequest.get("/orders", market == null ? "" : "market=" + market),
                UnaryOperator.identity(), new TypeReference<>() { });
    }

    /** {@code GET /fills} from {@code startAt} (ms), one page ({@code cursor} from the previous page's {@code next}). */
    public CompletableFuture<ParadexPage<ParadexFill>> getFills(long startAt, int pageSize, String cursor) {
        Map<String, String> query = new LinkedHashMap<>(params("start_at", Long.toString(startAt), "page_size",
                Integer.toString(pageSize)));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return authorized(VenueRequest.get("/fills", encode(query)), UnaryOperator.identity(),
                new TypeReference<>() { });
    }

    public CompletableFuture<ParadexPage<ParadexPosition>> getPositions() {
        return authorized(VenueRequest.get("/positions", ""), UnaryOperator.identity(), new TypeReference<>() { });
    }

    public CompletableFuture<ParadexAccountSummary> getAccount() {
        return authorized(VenueRequest.get("/account", ""), UnaryOperator.identity(), new TypeReference<>() { });
    }

    /** {@code POST /account/margin/{market}}: cross margin at {@code leverage}. */
    public CompletableFuture<ParadexLeverage> postMargin(String market, int leverage) {
        ObjectNode body = mapper().createObjectNode().put("leverage", leverage).put("margin_type", "CROSS");
        return authorized(new VenueRequest("POST", "/account/margin/" + market, "", body.toString(), JSON_CONTENT,
                Map.of(), 1, null), UnaryOperator.identity(), new TypeReference<>() { });
    }

    // --- auth ---

    /** A JWT for private calls and the private channels, fetched when none is fresh. */
    public synchronized CompletableFuture<String> jwt() {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials("private calls"));
        }
        if (jwt != null && !(jwt.isDone() && (jwt.isCompletedExceptionally()
                || Duration.between(jwtAt, clock.instant()).compareTo(config.jwtRefreshAfter()) >= 0))) {
            return jwt;
        }
        jwtAt = clock.instant();
        CompletableFuture<String> fetching = chainId().thenCompose(chain -> call(new VenueRequest("POST", "/auth", "",
                "", null, Map.of(), 1, null), request -> signAuth(request, chain), new TypeReference<ParadexAuth>() { }))
                .thenApply(auth -> {
                    if (auth == null || auth.jwtToken() == null || auth.jwtToken().isEmpty()) {
                        throw new AuthenticationException(venue(), "POST /auth answered without a jwt_token");
                    }
                    return auth.jwtToken();
                });
        jwt = fetching;
        return fetching;
    }

    /** Forgets the JWT (the venue refused it): the next private call fetches a new one. */
    public synchronized void forgetJwt() {
        jwt = null;
    }

    /** The StarkNet chain id signatures name ({@code /system/config}), read once. */
    public synchronized CompletableFuture<String> chainId() {
        if (chainId == null || chainId.isCompletedExceptionally()) {
            chainId = getSystemConfig().thenApply(systemConfig -> {
                if (systemConfig == null || systemConfig.starknetChainId() == null) {
                    throw new ExchangeException(venue(), "/system/config has no starknet_chain_id");
                }
                return systemConfig.starknetChainId();
            });
        }
        return chainId;
    }

    private VenueRequest signAuth(VenueRequest request, String chain) {
        long timestamp = clock.instant().getEpochSecond();
        long expiration = timestamp + AUTH_SIGNATURE_VALIDITY.toSeconds();
        return request.withHeader(ACCOUNT_HEADER, credentials.l2AddressHex())
                .withHeader(SIGNATURE_HEADER, signer.signAuth(chain, timestamp, expiration))
                .withHeader(TIMESTAMP_HEADER, Long.toString(timestamp))
                .withHeader(EXPIRATION_HEADER, Long.toString(expiration));
    }

    /** Adds {@code signature} and {@code signature_timestamp} (now) over the order's fields. */
    private UnaryOperator<VenueRequest> signOrder(String chain) {
        return request -> {
            ObjectNode body = (ObjectNode) read(request.body(), JsonNode.class);
            long timestamp = clock.millis();
            String type = body.path("type").asText();
            BigDecimal price = body.hasNonNull("price") && !type.equals("MARKET")
                    ? new BigDecimal(body.get("price").asText()) : null;
            String signature = signer.signOrder(chain, timestamp, body.path("market").asText(),
                    body.path("side").asText().equals("BUY"), type, new BigDecimal(body.path("size").asText()), price);
            body.put("signature", signature).put("signature_timestamp", timestamp);
            return request.withBody(body.toString(), JSON_CONTENT);
        };
    }

    private <T> CompletableFuture<T> authorized(VenueRequest request, UnaryOperator<VenueRequest> sign,
            TypeReference<T> type) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials(request.describe()));
        }
        return jwt().thenCompose(token -> call(request, r -> sign.apply(r).withHeader("Authorization",
                "Bearer " + token), type)).whenComplete((answer, failure) -> {
                    if (failure != null && ExchangeException.unwrap(failure) instanceof AuthenticationException) {
                        forgetJwt();
                    }
                });
    }

    private AuthenticationException missingCredentials(String what) {
        return new AuthenticationException(config.getVenue(), what + " needs credentials: set "
                + ParadexCredentials.L2_ADDRESS_ENV + " and " + ParadexCredentials.L2_PRIVATE_KEY_ENV
                + " (or the account's paradex credentials)");
    }

    private static String pathPart(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ParadexRestApi[" + config.getRestUrl() + "]";
    }
}

package dev.perpflow.component.edgex.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.edgex.EdgexConfiguration;
import dev.perpflow.component.edgex.EdgexCredentials;
import dev.perpflow.component.edgex.dto.EdgexAccountAsset;
import dev.perpflow.component.edgex.dto.EdgexCreateOrderResult;
import dev.perpflow.component.edgex.dto.EdgexDepth;
import dev.perpflow.component.edgex.dto.EdgexFill;
import dev.perpflow.component.edgex.dto.EdgexFundingRate;
import dev.perpflow.component.edgex.dto.EdgexMetaData;
import dev.perpflow.component.edgex.dto.EdgexOrder;
import dev.perpflow.component.edgex.dto.EdgexPage;
import dev.perpflow.component.edgex.dto.EdgexResponse;
import dev.perpflow.component.edgex.dto.EdgexTicker;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * EdgeX's v2 REST endpoints ({@code /api/v2/public/...}, {@code /api/v2/private/...}), one method each, answering the
 * {@code data} of EdgeX's wrapper; a wrapper whose {@code code} is not {@code SUCCESS} fails with the typed error of
 * {@link EdgexErrors}, whatever the HTTP status. Private calls carry the API key headers with the HMAC of
 * {@link EdgexSigner}, made when the budget lets the request go. Cancels are critical requests.
 */
public final class EdgexRestApi extends VenueRestApi {

    private static final String JSON_CONTENT = "application/json";

    private final EdgexConfiguration config;
    private final EdgexCredentials credentials;
    private final EdgexSigner signer;
    private final EdgexErrors errors;
    private final Clock clock;

    public EdgexRestApi(EdgexConfiguration config, HttpClient http, Clock clock) {
        this(config, http, clock, new EdgexErrors(config.getVenue(), newMapper()));
    }

    private EdgexRestApi(EdgexConfiguration config, HttpClient http, Clock clock, EdgexErrors errors) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-requests", config.getRequestsPerSecond(), Duration.ofSeconds(1)),
                errors, true), newMapper());
        this.config = config;
        this.errors = errors;
        this.clock = clock;
        this.credentials = config.credentials();
        this.signer = credentials == null ? null : new EdgexSigner(credentials);
    }

    // --- public ---

    public CompletableFuture<EdgexMetaData> getMetaData() {
        return unwrap(VenueRequest.get("/api/v2/public/meta/getMetaData", ""), UnaryOperator.identity(),
                new TypeReference<EdgexResponse<EdgexMetaData>>() { });
    }

    /** Tickers of one contract, or of all when {@code contractId} is null. */
    public CompletableFuture<List<EdgexTicker>> getTicker(String contractId) {
        return unwrap(VenueRequest.get("/api/v2/public/quote/getTicker", contractId == null ? ""
                : "contractId=" + contractId), UnaryOperator.identity(),
                new TypeReference<EdgexResponse<List<EdgexTicker>>>() { });
    }

    /** {@code level} 15 or 200. */
    public CompletableFuture<List<EdgexDepth>> getDepth(String contractId, int level) {
        return unwrap(VenueRequest.get("/api/v2/public/quote/getDepth", "contractId=" + contractId + "&level="
                + level), UnaryOperator.identity(), new TypeReference<EdgexResponse<List<EdgexDepth>>>() { });
    }

    /** Funding history of a contract from {@code beginMillis}, one page. */
    public CompletableFuture<EdgexPage<EdgexFundingRate>> getFundingRatePage(String contractId, long beginMillis,
            int size) {
        return unwrap(VenueRequest.get("/api/v2/public/funding/getFundingRatePage", encode(params("contractId",
                contractId, "filterBeginTimeInclusive", Long.toString(beginMillis), "size", Integer.toString(size)))),
                UnaryOperator.identity(), new TypeReference<EdgexResponse<EdgexPage<EdgexFundingRate>>>() { });
    }

    // --- private ---

    /** {@code createOrder}: a timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}. */
    public CompletableFuture<EdgexCreateOrderResult> postCreateOrder(ObjectNode body, String clientOrderId,
            boolean critical) {
        VenueRequest request = post("/api/v2/private/order/createOrder", body).submitting(clientOrderId);
        return privateCall(critical ? request.critical() : request,
                new TypeReference<EdgexResponse<EdgexCreateOrderResult>>() { });
    }

    public CompletableFuture<JsonNode> postCancelOrderByClientOrderId(String clientOrderId) {
        ObjectNode body = accountBody();
        body.putArray("clientOrderIdList").add(clientOrderId);
        return privateCall(post("/api/v2/private/order/cancelOrderByClientOrderId", body).critical(),
                new TypeReference<EdgexResponse<JsonNode>>() { });
    }

    public CompletableFuture<JsonNode> postCancelOrderById(String orderId) {
        ObjectNode body = accountBody();
        body.putArray("orderIdList").add(orderId);
        return privateCall(post("/api/v2/private/order/cancelOrderById", body).critical(),
                new TypeReference<EdgexResponse<JsonNode>>() { });
    }

    public CompletableFuture<List<EdgexOrder>> getOrderByClientOrderId(String clientOrderId) {
        return privateCall(get("/api/v2/private/order/getOrderByClientOrderId", params("clientOrderIdList",
                clientOrderId)), new TypeReference<EdgexResponse<List<EdgexOrder>>>() { });
    }

    public CompletableFuture<EdgexPage<EdgexOrder>> getActiveOrderPage(String contractId, int size) {
        Map<String, String> query = params("size", Integer.toString(size));
        if (contractId != null) {
            query.put("filterContractIdList", contractId);
        }
        return privateCall(get("/api/v2/private/order/getActiveOrderPage", query),
                new TypeReference<EdgexResponse<EdgexPage<EdgexOrder>>>() { });
    }

    public CompletableFuture<EdgexPage<EdgexFill>> getHistoryOrderFillTransactionPage(long startMillis, int size,
            String offset) {
        Map<String, String> query = params("size", Integer.toString(size), "filterStartCreatedTimeInclusive",
                Long.toString(startMillis));
        if (offset != null && !offset.isEmpty()) {
            query.put("offsetData", offset);
        }
        return privateCall(get("/api/v2/private/order/getHistoryOrderFillTransactionPage", query),
                new TypeReference<EdgexResponse<EdgexPage<EdgexFill>>>() { });
    }

    public CompletableFuture<EdgexAccountAsset> getAccountAsset() {
        return privateCall(get("/api/v2/private/account/getAccountAsset", new LinkedHashMap<>()),
                new TypeReference<EdgexResponse<EdgexAccountAsset>>() { });
    }

    public CompletableFuture<JsonNode> postUpdateLeverageSetting(String contractId, int leverage) {
        ObjectNode body = accountBody().put("contractId", contractId).put("leverage", Integer.toString(leverage));
        return privateCall(post("/api/v2/private/account/updateLeverageSetting", body),
                new TypeReference<EdgexResponse<JsonNode>>() { });
    }

    // --- signing ---

    /** The signer of orders (null without credentials). */
    public EdgexSigner signer() {
        return signer;
    }

    public EdgexCredentials credentials() {
        return credentials;
    }

    /** The private stream's upgrade headers for {@code path} ({@code accountId} and {@code timestamp} signed). */
    public Map<String, String> streamHeaders(String path, long timestamp) {
        if (signer == null) {
            throw missingCredentials("the private stream");
        }
        return signer.headers(timestamp, "GET", path, "accountId=" + credentials.accountId() + "&timestamp="
                + timestamp);
    }

    private ObjectNode accountBody() {
        return mapper().createObjectNode().put("accountId", credentials == null ? "" : Long.toString(credentials.accountId()));
    }

    private VenueRequest post(String path, ObjectNode body) {
        return new VenueRequest("POST", path, "", body.toString(), JSON_CONTENT, Map.of(), 1, null);
    }

    /** A private GET: {@code accountId} first, the rest as given; the HMAC covers the parameters sorted. */
    private VenueRequest get(String path, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("accountId", credentials == null ? "" : Long.toString(credentials.accountId()));
        all.putAll(query);
        return VenueRequest.get(path, encode(all));
    }

    private <T> CompletableFuture<T> privateCall(VenueRequest request, TypeReference<EdgexResponse<T>> type) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials(request.describe()));
        }
        return unwrap(request, this::sign, type);
    }

    private VenueRequest sign(VenueRequest request) {
        String content;
        if (request.method().equals("GET")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : request.query().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            content = EdgexSigner.queryContent(parameters);
        } else {
            content = request.body().isEmpty() ? "" : EdgexSigner.bodyContent(read(request.body(), JsonNode.class));
        }
        VenueRequest signed = request;
        for (Map.Entry<String, String> header : signer.headers(clock.millis(), request.method(), request.path(),
                content).entrySet()) {
            signed = signed.withHeader(header.getKey(), header.getValue());
        }
        return signed;
    }

    private <T> CompletableFuture<T> unwrap(VenueRequest request, UnaryOperator<VenueRequest> sign,
            TypeReference<EdgexResponse<T>> type) {
        return call(request, sign, type).thenApply(response -> {
            if (response == null) {
                throw new CompletionException(new dev.perpflow.exchange.error.ExchangeException(venue(),
                        request.describe() + " answered without a body"));
            }
            if (!response.ok()) {
                throw new CompletionException(errors.of(request, String.valueOf(response.code()),
                        String.valueOf(response.msg()), 200));
            }
            return response.data();
        });
    }

    private AuthenticationException missingCredentials(String what) {
        return new AuthenticationException(config.getVenue(), what + " needs credentials: set "
                + EdgexCredentials.ACCOUNT_ID_ENV + ", " + EdgexCredentials.API_KEY_ENV + ", "
                + EdgexCredentials.API_PASSPHRASE_ENV + ", " + EdgexCredentials.API_SECRET_ENV + " and "
                + EdgexCredentials.TRADING_PRIVATE_KEY_ENV + " (or the account's edgex credentials)");
    }

    @Override
    public String toString() {
        return "EdgexRestApi[" + config.getRestUrl() + "]";
    }
}

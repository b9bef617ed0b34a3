package dev.perpflow.component.aster.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perpflow.component.aster.AsterApiWalletCredentials;
import dev.perpflow.component.aster.AsterAuthMode;
import dev.perpflow.component.aster.AsterConfiguration;
import dev.perpflow.component.aster.AsterCredentials;
import dev.perpflow.component.aster.dto.AsterBalance;
import dev.perpflow.component.aster.dto.AsterBookTicker;
import dev.perpflow.component.aster.dto.AsterDepth;
import dev.perpflow.component.aster.dto.AsterExchangeInfo;
import dev.perpflow.component.aster.dto.AsterFundingInfo;
import dev.perpflow.component.aster.dto.AsterLeverage;
import dev.perpflow.component.aster.dto.AsterLeverageBracket;
import dev.perpflow.component.aster.dto.AsterListenKey;
import dev.perpflow.component.aster.dto.AsterOpenInterest;
import dev.perpflow.component.aster.dto.AsterOrder;
import dev.perpflow.component.aster.dto.AsterPositionRisk;
import dev.perpflow.component.aster.dto.AsterPremiumIndex;
import dev.perpflow.component.aster.dto.AsterTicker24h;
import dev.perpflow.component.aster.dto.AsterTrade;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Aster's REST endpoints, one method each, named after the endpoint and answering its payload records (raw venue
 * verbs; {@code AsterExchangeClient} speaks the domain). Three kinds of call, in the configuration's
 * {@link AsterAuthMode}:
 * <ul>
 * <li>public: plain GETs;</li>
 * <li>API-key only (the user-stream listen key): the {@code X-MBX-APIKEY} header; signed in V3 mode;</li>
 * <li>signed, V1: {@code timestamp}, {@code recvWindow} and {@code signature} = HMAC over exactly the bytes sent
 * (the query for GET/DELETE, the form body for POST/PUT), plus the API-key header; V3: {@code user}, {@code signer},
 * {@code nonce} (µs) appended, the url-encoded string signed by the API wallet and {@code signature} appended last,
 * same placement. Signatures are made when the rate budget lets the request go, so they are never stale.</li>
 * </ul>
 * In V3 mode every path is its {@code /fapi/v3/<same name>} twin. Cancels go out as critical requests; a submit is
 * critical when its order is. Transport and budget are {@link VenueHttpClient}'s, Aster's error codes
 * {@link AsterErrors}'.
 */
public final class AsterRestApi extends VenueRestApi {

    public static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** V1 paths with no V3 twin in Aster's V3 futures docs: kept as they are in V3 mode. */
    private static final Set<String> V1_ONLY = Set.of("/fapi/v1/openInterest");

    private final AsterConfiguration config;
    private final AsterCredentials credentials;
    private final AsterApiWalletCredentials wallet;
    private final AsterSigner signer;
    private final AsterNonces nonces;
    private final Clock clock;

    public AsterRestApi(AsterConfiguration config, HttpClient http, Clock clock) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-weight", config.getWeightPerMinute(), Duration.ofMinutes(1)),
                new AsterErrors(config.getVenue(), newMapper(), config.effectiveAuthMode())), newMapper());
        this.config = config;
        this.clock = clock;
        this.credentials = config.credentials();
        this.wallet = config.apiWallet();
        this.signer = wallet != null ? AsterSigner.apiWallet(wallet)
                : credentials != null ? AsterSigner.hmac(credentials.secretKey()) : null;
        this.nonces = wallet != null ? AsterNonces.of(wallet.signer()) : null;
    }

    // --- public market data ---

    public CompletableFuture<AsterExchangeInfo> getExchangeInfo() {
        return publicGet("/fapi/v1/exchangeInfo", Map.of(), 1, new TypeReference<>() { });
    }

    public CompletableFuture<List<AsterFundingInfo>> getFundingInfo() {
        return publicGet("/fapi/v1/fundingInfo", Map.of(), 1, new TypeReference<>() { });
    }

    public CompletableFuture<List<AsterPremiumIndex>> getPremiumIndex() {
        return publicGet("/fapi/v1/premiumIndex", Map.of(), 10, new TypeReference<>() { });
    }

    public CompletableFuture<List<AsterTicker24h>> getTicker24hr() {
        return publicGet("/fapi/v1/ticker/24hr", Map.of(), 40, new TypeReference<>() { });
    }

    public CompletableFuture<AsterOpenInterest> getOpenInterest(String venueSymbol) {
        return publicGet("/fapi/v1/openInterest", params("symbol", venueSymbol), 1, new TypeReference<>() { });
    }

    /** {@code limit} one of 5, 10, 20, 50, 100, 500, 1000; weight 2 up to 50 levels, 20 for 1000. */
    public CompletableFuture<AsterDepth> getDepth(String venueSymbol, int limit) {
        return publicGet("/fapi/v1/depth", params("symbol", venueSymbol, "limit", String.valueOf(limit)),
                limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20, new TypeReference<>() { });
    }

    public CompletableFuture<AsterBookTicker> getBookTicker(String venueSymbol) {
        return publicGet("/fapi/v1/ticker/bookTicker", params("symbol", venueSymbol), 2, new TypeReference<>() { });
    }

    // --- trading and account (signed) ---

    public CompletableFuture<List<AsterLeverageBracket>> getLeverageBracket() {
        return signed("GET", "/fapi/v1/leverageBracket", Map.of(), 1, new TypeReference<>() { });
    }

    /** A submit: a timeout or 5xx afterwards is an unknown outcome for {@code clientOrderId}. */
    public CompletableFuture<AsterOrder> postOrder(Map<String, String> params, String clientOrderId,
            boolean critical) {
        VenueRequest request = request("POST", "/fapi/v1/order", params, 1).submitting(clientOrderId);
        return send(critical ? request.critical() : request, new TypeReference<>() { });
    }

    public CompletableFuture<AsterOrder> getOrder(String venueSymbol, String origClientOrderId) {
        return signed("GET", "/fapi/v1/order", params("symbol", venueSymbol, "origClientOrderId", origClientOrderId),
                1, new TypeReference<>() { });
    }

    public CompletableFuture<AsterOrder> deleteOrder(String venueSymbol, String origClientOrderId) {
        return send(request("DELETE", "/fapi/v1/order",
                params("symbol", venueSymbol, "origClientOrderId", origClientOrderId), 1).critical(),
                new TypeReference<>() { });
    }

    /** Orders of one market from venue order id {@code fromOrderId} on, ended ones included, oldest first. */
    public CompletableFuture<List<AsterOrder>> getAllOrders(String venueSymbol, String fromOrderId, int limit) {
        return signed("GET", "/fapi/v1/allOrders", params("symbol", venueSymbol, "orderId", fromOrderId, "limit",
                String.valueOf(limit)), 5, new TypeReference<>() { });
    }

    /** Working orders of one market, or of all ({@code venueSymbol} null, weight 40). */
    public CompletableFuture<List<AsterOrder>> getOpenOrders(String venueSymbol) {
        return signed("GET", "/fapi/v1/openOrders", venueSymbol == null ? Map.of() : params("symbol", venueSymbol),
                venueSymbol == null ? 40 : 1, new TypeReference<>() { });
    }

    public CompletableFuture<List<AsterPositionRisk>> getPositionRisk() {
        return signed("GET", "/fapi/v2/positionRisk", Map.of(), 5, new TypeReference<>() { });
    }

    public CompletableFuture<List<AsterBalance>> getBalance() {
        return signed("GET", "/fapi/v2/balance", Map.of(), 5, new TypeReference<>() { });
    }

    /** Trades of one market since {@code startTime} (epoch ms). */
    public CompletableFuture<List<AsterTrade>> getUserTrades(String venueSymbol, long startTime, int limit) {
        return signed("GET", "/fapi/v1/userTrades", params("symbol", venueSymbol, "startTime",
                String.valueOf(startTime), "limit", String.valueOf(limit)), 5, new TypeReference<>() { });
    }

    public CompletableFuture<AsterLeverage> postLeverage(String venueSymbol, int leverage) {
        return signed("POST", "/fapi/v1/leverage", params("symbol", venueSymbol, "leverage", String.valueOf(leverage)),
                1, new TypeReference<>() { });
    }

    // --- user data stream key (API key only; signed in V3) ---

    public CompletableFuture<AsterListenKey> postListenKey() {
        return keyed("POST");
    }

    public CompletableFuture<AsterListenKey> putListenKey() {
        return keyed("PUT");
    }

    public CompletableFuture<AsterListenKey> deleteListenKey() {
        return keyed("DELETE");
    }

    // --- requests ---

    /** The path actually requested: the V3 twin ({@code /fapi/v3/<same name>}) of a V1/V2 path in V3 mode. */
    public String path(String v1Path) {
        if (!isV3() || V1_ONLY.contains(v1Path)) {
            return v1Path;
        }
        return v1Path.replaceFirst("^/fapi/v[12]/", "/fapi/v3/");
    }

    private boolean isV3() {
        return config.effectiveAuthMode() == AsterAuthMode.API_WALLET_V3;
    }

    private <T> CompletableFuture<T> publicGet(String path, Map<String, String> params, int weight,
            TypeReference<T> type) {
        return call(VenueRequest.get(path(path), encode(params)).withWeight(weight), type);
    }

    private CompletableFuture<AsterListenKey> keyed(String method) {
        if (isV3()) {
            return signed(method, "/fapi/v1/listenKey", Map.of(), 1, new TypeReference<>() { });
        }
        String path = "/fapi/v1/listenKey";
        if (credentials == null) {
            return CompletableFuture.failedFuture(missingCredentials(path));
        }
        return call(new VenueRequest(method, path, "", "", null, Map.of(API_KEY_HEADER, credentials.apiKey()), 1,
                null), new TypeReference<>() { });
    }

    private <T> CompletableFuture<T> signed(String method, String path, Map<String, String> params, int weight,
            TypeReference<T> type) {
        return send(request(method, path, params, weight), type);
    }

    /** The unsigned request: the parameters in the query (GET/DELETE) or the form body (POST/PUT). */
    private VenueRequest request(String method, String path, Map<String, String> params, int weight) {
        boolean inBody = method.equals("POST") || method.equals("PUT");
        String encoded = encode(params);
        return new VenueRequest(method, path(path), inBody ? "" : encoded, inBody ? encoded : "",
                inBody ? FORM : null, Map.of(), weight, null);
    }

    private <T> CompletableFuture<T> send(VenueRequest unsigned, TypeReference<T> type) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials(unsigned.path()));
        }
        return call(unsigned, sign(), type);
    }

    /** Appends the auth parameters and the signature to whichever of query and body holds the parameters. */
    private UnaryOperator<VenueRequest> sign() {
        return request -> {
            boolean inBody = !request.body().isEmpty() || request.method().equals("POST")
                    || request.method().equals("PUT");
            String params = inBody ? request.body() : request.query();
            String payload = params + (params.isEmpty() ? "" : "&") + (isV3()
                    ? "user=" + wallet.user() + "&signer=" + wallet.signer() + "&nonce=" + nonces.next(clock)
                    : "timestamp=" + clock.millis() + "&recvWindow=" + config.getRecvWindow());
            String signed = payload + "&signature=" + signer.sign(payload);
            VenueRequest out = inBody ? request.withBody(signed, FORM) : request.withQuery(signed);
            return isV3() ? out : out.withHeader(API_KEY_HEADER, credentials.apiKey());
        };
    }

    private AuthenticationException missingCredentials(String path) {
        return new AuthenticationException(config.getVenue(), path + (isV3()
                ? " needs credentials: set ASTER_USER, ASTER_SIGNER and ASTER_SIGNER_PRIVATE_KEY (the account's aster"
                        + " API wallet)"
                : " needs credentials: set ASTER_API_KEY and ASTER_SECRET_KEY (or the account's aster credentials)"));
    }

    @Override
    public String toString() {
        return "AsterRestApi[" + config.getRestUrl() + ", " + config.effectiveAuthMode() + "]";
    }
}

package dev.perpflow.component.grvt.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.perpflow.component.grvt.GrvtConfiguration;
import dev.perpflow.component.grvt.GrvtCredentials;
import dev.perpflow.component.grvt.dto.GrvtAccountSummary;
import dev.perpflow.component.grvt.dto.GrvtFill;
import dev.perpflow.component.grvt.dto.GrvtFundingPayment;
import dev.perpflow.component.grvt.dto.GrvtFundingRate;
import dev.perpflow.component.grvt.dto.GrvtInitialLeverage;
import dev.perpflow.component.grvt.dto.GrvtInstrument;
import dev.perpflow.component.grvt.dto.GrvtOrder;
import dev.perpflow.component.grvt.dto.GrvtOrderbookLevels;
import dev.perpflow.component.grvt.dto.GrvtPosition;
import dev.perpflow.component.grvt.dto.GrvtResult;
import dev.perpflow.component.grvt.dto.GrvtTicker;
import dev.perpflow.exchange.crypto.EthSignature;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * GRVT's endpoints ("full" JSON format, all {@code POST}), one method each named after the endpoint, on three hosts
 * sharing one request budget: market data ({@code instruments}, {@code ticker}, {@code funding}, {@code book}),
 * login ({@code auth/api_key/login}) and trading ({@code create_order}, {@code cancel_order}, {@code order},
 * {@code open_orders}, {@code positions}, {@code account_summary}, {@code fill_history},
 * {@code funding_payment_history}, {@code get_all_initial_leverage}, {@code set_initial_leverage}). Trading calls carry
 * the session ({@link GrvtSession}: cookie and account id header); a call refused because the session expired (code
 * 1000) logs in again and is sent once more (nothing was done with it). An order is signed ({@link GrvtSigner}) with
 * a random nonce and its expiration when the budget lets it go. Errors are {@link GrvtErrors}'.
 */
public final class GrvtRestApi extends VenueRestApi {

    private static final String JSON = "application/json";
    private static final SecureRandom NONCES = new SecureRandom();

    private final GrvtConfiguration config;
    private final GrvtCredentials credentials;
    private final GrvtSigner signer;
    private final VenueHttpClient trades;
    private final VenueHttpClient auth;
    private final GrvtSession session;
    private final Clock clock;

    public GrvtRestApi(GrvtConfiguration config, HttpClient http, Clock clock) {
        this(config, http, clock, RateLimiter.of(config.getVenue() + "-requests", config.getRequestsPerMinute(),
                Duration.ofMinutes(1)), grvtMapper());
    }

    private GrvtRestApi(GrvtConfiguration config, HttpClient http, Clock clock, RateLimiter limiter,
            ObjectMapper mapper) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(), limiter,
                new GrvtErrors(config.getVenue(), mapper)), mapper);
        this.config = config;
        this.clock = clock;
        this.credentials = config.credentials();
        this.signer = credentials == null ? null
                : GrvtSigner.of(credentials.privateKey(), config.getEnvironment().chainId());
        this.trades = new VenueHttpClient(config.getVenue(), config.tradesUri(), http, config.requestTimeout(), limiter,
                new GrvtErrors(config.getVenue(), mapper));
        this.auth = new VenueHttpClient(config.getVenue(), config.authUri(), http, config.requestTimeout(), limiter,
                new GrvtErrors(config.getVenue(), mapper));
        this.session = new GrvtSession(this::login, clock);
    }

    /** Snake-case names, nulls left out, decimals written as plain strings (as GRVT sends and takes them). */
    public static ObjectMapper grvtMapper() {
        SimpleModule decimals = new SimpleModule().addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider serializers)
                    throws IOException {
                out.writeString(value.stripTrailingZeros().toPlainString());
            }
        });
        return newMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL).registerModule(decimals);
    }

    public GrvtSession session() {
        return session;
    }

    /** The sub account traded, or {@code null} without credentials. */
    public String subAccountId() {
        return credentials == null ? null : credentials.tradingAccountId();
    }

    // --- market data ---

    /** Active perpetuals quoted in {@code quote}. */
    public CompletableFuture<List<GrvtInstrument>> postInstruments(String quote) {
        return marketData("/full/v1/instruments", Map.of("kind", List.of("PERPETUAL"), "quote", List.of(quote),
                "is_active", true, "limit", 1000), 1, new TypeReference<GrvtResult<List<GrvtInstrument>>>() { })
                .thenApply(GrvtResult::result);
    }

    public CompletableFuture<GrvtTicker> postTicker(String instrument) {
        return marketData("/full/v1/ticker", Map.of("instrument", instrument), 1,
                new TypeReference<GrvtResult<GrvtTicker>>() { }).thenApply(GrvtResult::result);
    }

    /** Funding history of one instrument since {@code startTime}, one row per funding interval, newest first. */
    public CompletableFuture<List<GrvtFundingRate>> postFunding(String instrument, Instant startTime) {
        return marketData("/full/v1/funding", Map.of("instrument", instrument, "start_time", nanos(startTime)), 1,
                new TypeReference<GrvtResult<List<GrvtFundingRate>>>() { }).thenApply(GrvtResult::result);
    }

    /** {@code depth} one of 10, 50, 100, 500. */
    public CompletableFuture<GrvtOrderbookLevels> postBook(String instrument, int depth) {
        return marketData("/full/v1/book", Map.of("instrument", instrument, "depth", depth), 1,
                new TypeReference<GrvtResult<GrvtOrderbookLevels>>() { }).thenApply(GrvtResult::result);
    }

    // --- trading (the session's cookie and account id) ---

    /**
     * A submit of {@code order} (its signature filled in when sent): a timeout or 5xx afterwards is an unknown outcome
     * for {@code clientOrderId}.
     */
    public CompletableFuture<GrvtOrder> postCreateOrder(GrvtOrder order, GrvtSigner.OrderFields fields,
            String clientOrderId, boolean critical) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials());
        }
        Function<GrvtSession.Cookie, UnaryOperator<VenueRequest>> sign = cookie -> request -> {
            long nonce = Integer.toUnsignedLong(NONCES.nextInt());
            Instant expiry = clock.instant().plus(config.signatureValidityDuration());
            long expiration = nanos(expiry);
            GrvtSigner.OrderFields signed = new GrvtSigner.OrderFields(fields.subAccountId(), fields.isMarket(),
                    fields.timeInForce(), fields.postOnly(), fields.reduceOnly(), fields.legs(), nonce, expiration);
            EthSignature signature = signer.sign(signed);
            GrvtOrder.Signature wire = new GrvtOrder.Signature(signer.address(), hex32(signature.r()),
                    hex32(signature.s()), signature.v(), Long.toString(expiration), nonce,
                    Long.toString(signer.chainId()));
            GrvtOrder withSignature = new GrvtOrder(null, order.subAccountId(), order.isMarket(), order.timeInForce(),
                    order.postOnly(), order.reduceOnly(), order.legs(), wire, new GrvtOrder.Metadata(
                            order.metadata().clientOrderId(), Long.toString(nanos(clock.instant()))), null);
            return withSession(request.withBody(write(Map.of("order", withSignature)), JSON), cookie);
        };
        VenueRequest request = new VenueRequest("POST", "/full/v1/create_order", "", "", JSON, Map.of(), 1, null)
                .submitting(clientOrderId);
        return trading(critical ? request.critical() : request, sign, new TypeReference<GrvtResult<GrvtOrder>>() { })
                .thenApply(GrvtResult::result);
    }

    /** Cancels by client order id; the answer is an acknowledgement, the order's end comes after. */
    public CompletableFuture<Void> postCancelOrder(String clientOrderId, String venueClientOrderId) {
        return tradingCall("/full/v1/cancel_order", body("client_order_id", venueClientOrderId), clientOrderId, true,
                new TypeReference<GrvtResult<Map<String, Object>>>() { }).thenApply(ack -> null);
    }

    public CompletableFuture<GrvtOrder> postOrder(String clientOrderId, String venueClientOrderId) {
        return tradingCall("/full/v1/order", body("client_order_id", venueClientOrderId), clientOrderId, false,
                new TypeReference<GrvtResult<GrvtOrder>>() { }).thenApply(GrvtResult::result);
    }

    public CompletableFuture<List<GrvtOrder>> postOpenOrders() {
        return tradingCall("/full/v1/open_orders", body("kind", List.of("PERPETUAL")), null, false,
                new TypeReference<GrvtResult<List<GrvtOrder>>>() { }).thenApply(GrvtResult::result);
    }

    public CompletableFuture<List<GrvtPosition>> postPositions() {
        return tradingCall("/full/v1/positions", body("kind", List.of("PERPETUAL")), null, false,
                new TypeReference<GrvtResult<List<GrvtPosition>>>() { }).thenApply(GrvtResult::result);
    }

    public CompletableFuture<GrvtAccountSummary> postAccountSummary() {
        return tradingCall("/full/v1/account_summary", body(), null, false,
                new TypeReference<GrvtResult<GrvtAccountSummary>>() { }).thenApply(GrvtResult::result);
    }

    /** One page of fills since {@code startTime}, newest first; {@code cursor} from the previous page's {@code next}. */
    public CompletableFuture<GrvtResult<List<GrvtFill>>> postFillHistory(Instant startTime, String cursor) {
        Map<String, Object> body = body("kind", List.of("PERPETUAL"), "start_time", Long.toString(nanos(startTime)),
                "limit", 1000);
        if (cursor != null && !cursor.isEmpty()) {
            body.put("cursor", cursor);
        }
        return tradingCall("/full/v1/fill_history", body, null, false, new TypeReference<>() { });
    }

    public CompletableFuture<List<GrvtFundingPayment>> postFundingPaymentHistory(Instant startTime) {
        return tradingCall("/full/v1/funding_payment_history", body("start_time", Long.toString(nanos(startTime)),
                "limit", 1000), null, false, new TypeReference<GrvtResult<List<GrvtFundingPayment>>>() { })
                .thenApply(GrvtResult::result);
    }

    /** The leverage set and allowed per instrument ({@code results}, as the venue names this list). */
    public CompletableFuture<List<GrvtInitialLeverage>> postGetAllInitialLeverage() {
        return tradingCall("/full/v1/get_all_initial_leverage", body(), null, false,
                new TypeReference<Map<String, List<GrvtInitialLeverage>>>() { })
                .thenApply(answer -> answer == null ? List.of() : answer.getOrDefault("results", List.of()));
    }

    /** GRVT's {@code set_initial_leverage} (unsigned; the venue marks it deprecated for a signed successor). */
    public CompletableFuture<Boolean> postSetInitialLeverage(String instrument, int leverage) {
        return tradingCall("/full/v1/set_initial_leverage", body("instrument", instrument, "leverage",
                Integer.toString(leverage)), null, false, new TypeReference<Map<String, Object>>() { })
                .thenApply(answer -> answer != null && "true".equals(String.valueOf(answer.get("success"))));
    }

    // --- requests ---

    private <T> CompletableFuture<T> marketData(String path, Map<String, Object> body, int weight,
            TypeReference<T> type) {
        return call(new VenueRequest("POST", path, "", write(body), JSON, Map.of(), weight, null), type);
    }

    private Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub_account_id", subAccountId());
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private <T> CompletableFuture<T> tradingCall(String path, Map<String, Object> body, String clientOrderId,
            boolean critical, TypeReference<T> type) {
        if (credentials == null) {
            return CompletableFuture.failedFuture(missingCredentials());
        }
        VenueRequest request = new VenueRequest("POST", path, "", write(body), JSON, Map.of(), 1, null);
        VenueRequest unsigned = critical ? request.critical() : request;
        return trading(unsigned, cookie -> r -> withSession(r, cookie), type);
    }

    /** Sends with the current session; once more with a new one when the venue says the session expired. */
    private <T> CompletableFuture<T> trading(VenueRequest request,
            Function<GrvtSession.Cookie, UnaryOperator<VenueRequest>> sign, TypeReference<T> type) {
        return session.get().thenCompose(cookie -> call(trades, request, sign.apply(cookie), type)
                .exceptionallyCompose(failure -> {
                    if (!(ExchangeException.unwrap(failure) instanceof GrvtErrors.SessionExpired)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    session.expired(cookie);
                    return session.get().thenCompose(fresh -> call(trades, request, sign.apply(fresh), type));
                }));
    }

    private static VenueRequest withSession(VenueRequest request, GrvtSession.Cookie cookie) {
        VenueRequest out = request;
        for (Map.Entry<String, String> header : cookie.headers().entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    /** {@code POST /auth/api_key/login}: the session cookie and account id of the API key. */
    private CompletableFuture<GrvtSession.Cookie> login() {
        if (credentials == null) {
            return CompletableFuture.failedFuture(missingCredentials());
        }
        VenueRequest request = new VenueRequest("POST", "/auth/api_key/login", "", "", JSON, Map.of(), 1, null);
        return auth.send(request, r -> r.withBody(write(Map.of("api_key", credentials.apiKey().reveal())), JSON))
                .thenApply(response -> GrvtSession.parse(config.getVenue(), response.header("set-cookie"),
                        response.header(GrvtSession.ACCOUNT_ID_HEADER), clock.instant()));
    }

    private String write(Object body) {
        try {
            return mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body not writable", e);
        }
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String hex32(java.math.BigInteger value) {
        String hex = value.toString(16);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }

    private AuthenticationException missingCredentials() {
        return new AuthenticationException(config.getVenue(), "needs credentials: set GRVT_TRADING_ACCOUNT_ID,"
                + " GRVT_PRIVATE_KEY and GRVT_API_KEY (or the account's grvt credentials)");
    }

    @Override
    public String toString() {
        return "GrvtRestApi[" + config.getRestUrl() + ", " + config.getTradesUrl() + ", " + config.getEnvironment() + "]";
    }
}

package dev.perpflow.component.lighter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.perpflow.component.lighter.LighterConfiguration;
import dev.perpflow.component.lighter.LighterCredentials;
import dev.perpflow.component.lighter.dto.LighterAccounts;
import dev.perpflow.component.lighter.dto.LighterApiKeys;
import dev.perpflow.component.lighter.dto.LighterFundingRates;
import dev.perpflow.component.lighter.dto.LighterNextNonce;
import dev.perpflow.component.lighter.dto.LighterOrderBookDetails;
import dev.perpflow.component.lighter.dto.LighterOrderBookOrders;
import dev.perpflow.component.lighter.dto.LighterOrders;
import dev.perpflow.component.lighter.dto.LighterTrades;
import dev.perpflow.component.lighter.dto.LighterTxResponse;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.lighter.signer.LighterTx;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Lighter's REST endpoints, one method each, named after the endpoint and answering its payload records (raw venue
 * verbs; {@code LighterExchangeClient} speaks the domain). Public reads are plain GETs; private reads carry the auth
 * token in {@code Authorization}; transactions go to {@code POST /api/v1/sendTx} as the form {@code tx_type},
 * {@code tx_info} (the signed JSON of {@link LighterSigner}) and {@code price_protection}.
 *
 * <p>A transaction takes the API key's next nonce ({@link LighterNonces}) and is signed when the rate budget lets it
 * go; transactions of one client are sent one at a time (the venue refuses a nonce that overtakes an earlier one).
 * A refused nonce resyncs the nonce and the transaction is signed and sent once more (it was not applied); a timeout
 * or 5xx after sending is an unknown outcome and resyncs the nonce before the next one. Cancels go out as critical
 * requests, a submit when its order is critical. Transport and budget are {@link VenueHttpClient}'s, error codes
 * {@link LighterErrors}'.
 */
public final class LighterRestApi extends VenueRestApi {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String AUTHORIZATION = "Authorization";
    /** How long a transaction stays valid at the venue after it is signed. */
    static final Duration TX_VALIDITY = Duration.ofMinutes(10);
    /** Auth tokens are made for this long and renewed a minute before they expire (the venue allows 8 h). */
    static final Duration AUTH_VALIDITY = Duration.ofMinutes(30);

    private final LighterConfiguration config;
    private final LighterSigner signer;
    private final LighterNonces nonces;
    private final Clock clock;
    private CompletableFuture<?> lane = CompletableFuture.completedFuture(null);
    private String authToken;
    private Instant authExpires = Instant.EPOCH;

    public LighterRestApi(LighterConfiguration config, HttpClient http, Clock clock) {
        super(new VenueHttpClient(config.getVenue(), config.restUrl(), http, config.requestTimeout(),
                RateLimiter.of(config.getVenue() + "-requests", config.getRequestsPerMinute(), Duration.ofMinutes(1)),
                new LighterErrors(config.getVenue(), newLighterMapper()), false), newLighterMapper());
        this.config = config;
        this.clock = clock;
        LighterCredentials credentials = config.credentials();
        this.signer = credentials == null ? null : new LighterSigner(credentials, config.getChainId(), mapper());
        this.nonces = new LighterNonces(config.getVenue(), () -> getNextNonce().thenApply(n -> n.nonce()));
    }

    /** The venue's JSON: snake_case field names, decimals as {@code BigDecimal}, unknown fields ignored. */
    public static ObjectMapper newLighterMapper() {
        return newMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    public LighterNonces nonces() {
        return nonces;
    }

    public boolean hasCredentials() {
        return signer != null;
    }

    public long accountIndex() {
        return requireSigner("account data").accountIndex();
    }

    // --- public ---

    public CompletableFuture<LighterOrderBookDetails> getOrderBookDetails() {
        return publicGet("/api/v1/orderBookDetails", Map.of(), new TypeReference<>() { });
    }

    public CompletableFuture<LighterFundingRates> getFundingRates() {
        return publicGet("/api/v1/funding-rates", Map.of(), new TypeReference<>() { });
    }

    public CompletableFuture<LighterOrderBookOrders> getOrderBookOrders(int marketId, int limit) {
        return publicGet("/api/v1/orderBookOrders", params("market_id", String.valueOf(marketId), "limit",
                String.valueOf(limit)), new TypeReference<>() { });
    }

    public CompletableFuture<LighterNextNonce> getNextNonce() {
        LighterSigner s = requireSignerOrNull();
        if (s == null) {
            return CompletableFuture.failedFuture(missingCredentials("the nonce"));
        }
        return publicGet("/api/v1/nextNonce", params("account_index", String.valueOf(s.accountIndex()),
                "api_key_index", String.valueOf(s.apiKeyIndex())), new TypeReference<>() { });
    }

    /** The public keys registered for this client's account (to check the configured key against the venue's). */
    public CompletableFuture<LighterApiKeys> getApiKeys() {
        LighterSigner s = requireSignerOrNull();
        if (s == null) {
            return CompletableFuture.failedFuture(missingCredentials("the API keys"));
        }
        return publicGet("/api/v1/apikeys", params("account_index", String.valueOf(s.accountIndex()),
                "api_key_index", String.valueOf(s.apiKeyIndex())), new TypeReference<>() { });
    }

    /** {@code GET /api/v1/account?by=index}: collateral and positions. */
    public CompletableFuture<LighterAccounts> getAccount() {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials("the account"));
        }
        return publicGet("/api/v1/account", params("by", "index", "value", String.valueOf(signer.accountIndex())),
                new TypeReference<>() { });
    }

    // --- private reads (auth token) ---

    /** Resting orders, of one market or (market {@code null}) of all. */
    public CompletableFuture<LighterOrders> getAccountActiveOrders(Integer marketId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("account_index", String.valueOf(accountIndexOrZero()));
        if (marketId != null) {
            query.put("market_id", String.valueOf(marketId));
        }
        return authed("/api/v1/accountActiveOrders", query, new TypeReference<>() { });
    }

    /** Ended orders, newest first. */
    public CompletableFuture<LighterOrders> getAccountInactiveOrders(Integer marketId, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("account_index", String.valueOf(accountIndexOrZero()));
        query.put("limit", String.valueOf(limit));
        if (marketId != null) {
            query.put("market_id", String.valueOf(marketId));
        }
        return authed("/api/v1/accountInactiveOrders", query, new TypeReference<>() { });
    }

    /** Orders by client order index (at most 20; the venue keeps the last 10k active and 1k ended ones of 24 h). */
    public CompletableFuture<LighterOrders> getAccountOrders(List<Long> clientOrderIndexes) {
        return authed("/api/v1/accountOrders", params("account_index", String.valueOf(accountIndexOrZero()),
                "client_order_indexes", clientOrderIndexes.stream().map(String::valueOf)
                        .collect(Collectors.joining(","))), new TypeReference<>() { });
    }

    /** This account's trades from {@code fromMillis}, oldest first; {@code cursor} continues a page. */
    public CompletableFuture<LighterTrades> getTrades(long fromMillis, int limit, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("account_index", String.valueOf(accountIndexOrZero()));
        query.put("sort_by", "timestamp");
        query.put("sort_dir", "asc");
        query.put("from", String.valueOf(fromMillis));
        query.put("limit", String.valueOf(limit));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return authed("/api/v1/trades", query, new TypeReference<>() { });
    }

    // --- transactions ---

    /**
     * Signs and sends one transaction built by {@code build} from its nonce and expiry; {@code clientOrderId} marks an
     * order submit (its timeout or 5xx is an unknown outcome for that order).
     */
    public CompletableFuture<LighterTxResponse> sendTx(TxBuilder build, String clientOrderId, boolean critical) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials("a transaction"));
        }
        return serialized(() -> sendOnce(build, clientOrderId, critical).exceptionallyCompose(failure -> {
            if (ExchangeException.unwrap(failure) instanceof LighterErrors.NonceRejected) {
                nonces.resync("the venue refused the nonce");
                return sendOnce(build, clientOrderId, critical); // not applied: safe to sign with a fresh nonce
            }
            return CompletableFuture.failedFuture(failure);
        }));
    }

    /** What a transaction is made of once its nonce and expiry ({@code expiredAt}, epoch ms) are known. */
    @FunctionalInterface
    public interface TxBuilder {
        LighterTx build(long accountIndex, int apiKeyIndex, long nonce, long expiredAt);
    }

    private CompletableFuture<LighterTxResponse> sendOnce(TxBuilder build, String clientOrderId, boolean critical) {
        VenueRequest request = new VenueRequest("POST", "/api/v1/sendTx", "", "", FORM, Map.of(),
                Math.max(1, config.getTxWeight()), null);
        if (clientOrderId != null) {
            request = request.submitting(clientOrderId);
        }
        VenueRequest unsigned = critical ? request.critical() : request;
        return nonces.ready().thenCompose(ready -> call(unsigned, r -> {
            long expiredAt = clock.instant().plus(TX_VALIDITY).toEpochMilli();
            LighterTx tx = build.build(signer.accountIndex(), signer.apiKeyIndex(), nonces.take(), expiredAt);
            String form = encode(params("tx_type", String.valueOf(tx.txType()), "tx_info", signer.txInfo(tx),
                    "price_protection", "true"));
            return r.withBody(form, FORM);
        }, new TypeReference<LighterTxResponse>() { })).whenComplete((response, failure) -> {
            if (failure != null && ExchangeException.unwrap(failure) instanceof UnknownOutcomeException) {
                nonces.resync("a transaction's outcome is unknown");
            }
        });
    }

    /** Runs transactions one after the other: each starts when the previous one was answered. */
    private synchronized <T> CompletableFuture<T> serialized(java.util.function.Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> result = lane.handle((ignored, failure) -> null).thenCompose(ignored -> send.get());
        lane = result;
        return result;
    }

    // --- plumbing ---

    private <T> CompletableFuture<T> publicGet(String path, Map<String, String> query, TypeReference<T> type) {
        return call(VenueRequest.get(path, encode(query)), type);
    }

    private <T> CompletableFuture<T> authed(String path, Map<String, String> query, TypeReference<T> type) {
        if (signer == null) {
            return CompletableFuture.failedFuture(missingCredentials(path));
        }
        return call(VenueRequest.get(path, encode(query)), r -> r.withHeader(AUTHORIZATION, authToken()), type);
    }

    /** The current auth token, renewed a minute before it expires. */
    public synchronized String authToken() {
        Instant now = clock.instant();
        if (authToken == null || now.isAfter(authExpires.minus(Duration.ofMinutes(1)))) {
            authExpires = now.plus(AUTH_VALIDITY);
            authToken = requireSigner("an auth token").authToken(authExpires);
        }
        return authToken;
    }

    private long accountIndexOrZero() {
        return signer == null ? 0 : signer.accountIndex();
    }

    private LighterSigner requireSignerOrNull() {
        return signer;
    }

    private LighterSigner requireSigner(String what) {
        if (signer == null) {
            throw missingCredentials(what);
        }
        return signer;
    }

    private AuthenticationException missingCredentials(String what) {
        return new AuthenticationException(config.getVenue(), what + " needs credentials: set "
                + LighterCredentials.PRIVATE_KEY_ENV + ", " + LighterCredentials.ACCOUNT_INDEX_ENV + " and "
                + LighterCredentials.API_KEY_INDEX_ENV + " (or the account's lighter credentials)");
    }

    @Override
    public String toString() {
        return "LighterRestApi[" + config.getRestUrl() + "]";
    }
}

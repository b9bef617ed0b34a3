package dev.perpflow.component.aster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link ExchangeClient} for Aster's futures API (Binance USD-M compatible): public data from {@code /fapi/v1/*},
 * trading signed with HMAC-SHA256, or in {@link AsterAuthMode#API_WALLET_V3} mode everything on {@code /fapi/v3/*}
 * with requests signed by an API wallet (EIP-712, see {@link AsterRest}); the diff-depth book stream kept in sync
 * per the venue's rules ({@link AsterBookStream}) and the listen-key user stream with REST catch-up
 * ({@link AsterUserStream}).
 *
 * <p>Orders are addressed by client order id ({@code newClientOrderId} / {@code origClientOrderId}). Request
 * weights are spent from one limiter sized to Aster's published budget of 2400 weight per minute.
 */
public final class AsterExchangeClient implements ExchangeClient {

    /** Aster's REST budget: 2400 request weight per minute per IP. */
    public static final int WEIGHT_PER_MINUTE = 2400;

    private final AsterConfig config;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final AsterJson json;
    private final AsterRest rest;
    private final AsterMarkets markets;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    /** Venue order id → client order id, for trades (which report only the venue's order id). */
    private final Map<String, String> clientIds = new ConcurrentHashMap<>();
    /** Venue symbols this client traded or queried: where {@code fillsSince} looks for trades. */
    private final Set<String> tradedSymbols = ConcurrentHashMap.newKeySet();
    private AsterUserStream userStream;

    public AsterExchangeClient(AsterConfig config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /**
     * A client whose REST and WebSocket traffic all goes through {@code http}: an account's proxied client, for
     * example ({@code dev.perpflow.exchange.net.ProxiedHttpClients}).
     */
    public AsterExchangeClient(AsterConfig config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    AsterExchangeClient(AsterConfig config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.json = new AsterJson(config.venue());
        VenueHttpClient venueHttp = new VenueHttpClient(config.venue(), config.restUrl(), http,
                config.requestTimeout(), RateLimiter.of(config.venue() + "-weight", WEIGHT_PER_MINUTE,
                        Duration.ofMinutes(1)), new AsterErrors(config.venue(), mapper, config.authMode()));
        this.rest = new AsterRest(config, venueHttp, mapper, clock);
        this.markets = new AsterMarkets(rest, json, config.hasCredentials(), clock);
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, config.venue() + "-streams");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String venue() {
        return config.venue();
    }

    @Override
    public boolean canTrade() {
        return config.hasCredentials();
    }

    public AsterConfig config() {
        return config;
    }

    // --- public market data ---

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return markets.all();
    }

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets.snapshot().thenCompose(snapshot -> rest.publicGet("/fapi/v1/premiumIndex", Map.of(), 10)
                .thenApply(rows -> {
                    List<FundingRate> rates = new ArrayList<>();
                    for (JsonNode row : rows) {
                        Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                        if (instrument == null || !row.hasNonNull("lastFundingRate")) {
                            continue;
                        }
                        long next = row.path("nextFundingTime").asLong(0);
                        rates.add(new FundingRate(venue(), instrument.symbol(), json.decimal(row, "lastFundingRate"),
                                instrument.fundingIntervalHours(), null, json.optionalDecimal(row, "markPrice"),
                                json.optionalDecimal(row, "indexPrice"), next > 0 ? Instant.ofEpochMilli(next) : null,
                                row.path("time").asLong(0) > 0 ? json.millis(row, "time") : clock.instant()));
                    }
                    return rates;
                }));
    }

    /** 24 h quote volume from the ticker and open interest (base units × mark price) per market, in USD. */
    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        CompletableFuture<JsonNode> tickers = rest.publicGet("/fapi/v1/ticker/24hr", Map.of(), 40);
        CompletableFuture<JsonNode> marks = rest.publicGet("/fapi/v1/premiumIndex", Map.of(), 10);
        return markets.snapshot().thenCompose(snapshot -> CompletableFuture.allOf(tickers, marks).thenCompose(x -> {
            Map<String, BigDecimal> volume = new LinkedHashMap<>();
            for (JsonNode ticker : tickers.join()) {
                String venueSymbol = ticker.path("symbol").asText();
                if (snapshot.byVenueSymbol().containsKey(venueSymbol)) {
                    volume.put(venueSymbol, json.optionalDecimal(ticker, "quoteVolume"));
                }
            }
            Map<String, BigDecimal> mark = new LinkedHashMap<>();
            for (JsonNode row : marks.join()) {
                mark.put(row.path("symbol").asText(), json.optionalDecimal(row, "markPrice"));
            }
            List<CompletableFuture<MarketStats>> stats = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> entry : volume.entrySet()) {
                Instrument instrument = snapshot.byVenueSymbol().get(entry.getKey());
                stats.add(openInterestUsd(entry.getKey(), mark.get(entry.getKey()))
                        .thenApply(oi -> new MarketStats(venue(), instrument.symbol(), entry.getValue(), oi,
                                clock.instant())));
            }
            return CompletableFuture.allOf(stats.toArray(CompletableFuture[]::new))
                    .thenApply(done -> stats.stream().map(CompletableFuture::join).toList());
        }));
    }

    private CompletableFuture<BigDecimal> openInterestUsd(String venueSymbol, BigDecimal markPrice) {
        return rest.publicGet("/fapi/v1/openInterest", Map.of("symbol", venueSymbol), 1)
                .thenApply(row -> markPrice == null ? null : json.decimal(row, "openInterest").multiply(markPrice))
                .exceptionally(failure -> null); // one market's OI missing never fails the whole round
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return markets.bySymbol(symbol).thenCompose(instrument -> rest.publicGet("/fapi/v1/depth",
                        orderedParams("symbol", instrument.venueSymbol(), "limit", String.valueOf(depthLimit(depth))),
                        depthWeight(depth))
                .thenApply(node -> json.book(node, symbol, depth)));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return markets.bySymbol(symbol).thenCompose(instrument -> rest.publicGet("/fapi/v1/ticker/bookTicker",
                        Map.of("symbol", instrument.venueSymbol()), 2)
                .thenApply(node -> new Bbo(venue(), symbol, json.decimal(node, "bidPrice"), json.decimal(node, "bidQty"),
                        json.decimal(node, "askPrice"), json.decimal(node, "askQty"),
                        node.path("time").asLong(0) > 0 ? json.millis(node, "time") : clock.instant())));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        return markets.bySymbol(request.symbol()).thenCompose(instrument -> {
            tradedSymbols.add(instrument.venueSymbol());
            Map<String, String> params = orderedParams("symbol", instrument.venueSymbol(),
                    "side", request.side().name(), "type", request.type().name());
            if (request.type() == OrderType.LIMIT) {
                params.put("timeInForce", AsterJson.venueTimeInForce(request.timeInForce()));
            }
            params.put("quantity", request.quantity().toPlainString());
            if (request.type() == OrderType.LIMIT) {
                params.put("price", request.price().toPlainString());
            }
            if (request.reduceOnly()) {
                params.put("reduceOnly", "true");
            }
            params.put("newClientOrderId", request.clientOrderId());
            params.put("newOrderRespType", "RESULT");
            return rest.submit("/fapi/v1/order", params, request.clientOrderId())
                    .thenApply(node -> remember(json.order(node, request.symbol())));
        });
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return markets.bySymbol(symbol).thenCompose(instrument -> rest.signed("DELETE", "/fapi/v1/order",
                        orderedParams("symbol", instrument.venueSymbol(), "origClientOrderId", clientOrderId), 1)
                .thenApply(node -> remember(json.order(node, symbol)))
                // already filled or cancelled: the venue says "unknown order"; its final view answers the cancel
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? queryOrder(symbol, clientOrderId) : CompletableFuture.failedFuture(failure)));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return markets.bySymbol(symbol).thenCompose(instrument -> {
            tradedSymbols.add(instrument.venueSymbol());
            return rest.signed("GET", "/fapi/v1/order",
                            orderedParams("symbol", instrument.venueSymbol(), "origClientOrderId", clientOrderId), 1)
                    .thenApply(node -> remember(json.order(node, symbol)));
        });
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<Map<String, String>> params = symbol == null ? CompletableFuture.completedFuture(Map.of())
                : markets.bySymbol(symbol).thenApply(i -> Map.of("symbol", i.venueSymbol()));
        return markets.snapshot().thenCompose(snapshot -> params.thenCompose(p ->
                rest.signed("GET", "/fapi/v1/openOrders", p, symbol == null ? 40 : 1).thenApply(rows -> {
                    List<Order> orders = new ArrayList<>();
                    for (JsonNode row : rows) {
                        Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                        if (instrument != null) {
                            orders.add(remember(json.order(row, instrument.symbol())));
                        }
                    }
                    return orders;
                })));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets.snapshot().thenCompose(snapshot -> rest.signed("GET", "/fapi/v2/positionRisk", Map.of(), 5)
                .thenApply(rows -> {
                    List<Position> positions = new ArrayList<>();
                    for (JsonNode row : rows) {
                        Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                        if (instrument != null && json.decimal(row, "positionAmt").signum() != 0) {
                            tradedSymbols.add(instrument.venueSymbol());
                            positions.add(json.position(row, instrument.symbol()));
                        }
                    }
                    return positions;
                }));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.signed("GET", "/fapi/v2/balance", Map.of(), 5).thenApply(rows -> {
            List<Balance> balances = new ArrayList<>();
            for (JsonNode row : rows) {
                balances.add(json.balance(row));
            }
            return balances;
        });
    }

    /**
     * Trades since {@code since} on every market this client has traded, queried or holds a position in (Aster's
     * trade history is per symbol). Client order ids come from orders seen by this client, else from an order query.
     */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return positions().exceptionally(failure -> List.of()).thenCompose(ignored -> {
            List<CompletableFuture<List<Fill>>> perSymbol = new ArrayList<>();
            for (String venueSymbol : List.copyOf(tradedSymbols)) {
                perSymbol.add(tradesOf(venueSymbol, since));
            }
            return CompletableFuture.allOf(perSymbol.toArray(CompletableFuture[]::new))
                    .thenApply(done -> perSymbol.stream().flatMap(f -> f.join().stream()).toList());
        });
    }

    private CompletableFuture<List<Fill>> tradesOf(String venueSymbol, Instant since) {
        Instrument instrument = markets.byVenueSymbol(venueSymbol).orElseThrow();
        return rest.signed("GET", "/fapi/v1/userTrades", orderedParams("symbol", venueSymbol,
                "startTime", String.valueOf(since.toEpochMilli()), "limit", "1000"), 5).thenCompose(rows -> {
                    List<CompletableFuture<Fill>> fills = new ArrayList<>();
                    for (JsonNode row : rows) {
                        String orderId = row.path("orderId").asText();
                        fills.add(clientIdOf(venueSymbol, orderId)
                                .thenApply(clientId -> json.trade(row, instrument.symbol(), clientId)));
                    }
                    return CompletableFuture.allOf(fills.toArray(CompletableFuture[]::new))
                            .thenApply(done -> fills.stream().map(CompletableFuture::join).toList());
                });
    }

    private CompletableFuture<String> clientIdOf(String venueSymbol, String orderId) {
        String known = clientIds.get(orderId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return rest.signed("GET", "/fapi/v1/order", orderedParams("symbol", venueSymbol, "orderId", orderId), 1)
                .thenApply(node -> {
                    String clientId = json.text(node, "clientOrderId");
                    clientIds.put(orderId, clientId);
                    return clientId;
                });
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return markets.bySymbol(symbol).thenCompose(instrument -> rest.signed("POST", "/fapi/v1/leverage",
                        orderedParams("symbol", instrument.venueSymbol(), "leverage", String.valueOf(leverage)), 1)
                .thenApply(node -> node.path("leverage").asInt(leverage)));
    }

    // --- streams ---

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        AsterBookStream stream = new AsterBookStream(this, symbol, listener, http, scheduler);
        stream.start();
        return stream::close;
    }

    @Override
    public synchronized Subscription subscribeOrders(OrderEventListener listener) {
        if (userStream == null) {
            userStream = new AsterUserStream(this, rest, json, markets, http, scheduler);
            userStream.start();
        }
        userStream.add(listener);
        AsterUserStream stream = userStream;
        return () -> stream.remove(listener);
    }

    @Override
    public synchronized void close() {
        if (userStream != null) {
            userStream.close();
        }
        scheduler.shutdownNow();
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets.bySymbol(symbol);
    }

    /** A depth snapshot with its {@code lastUpdateId}, for the book stream's sync. */
    CompletableFuture<JsonNode> depthSnapshot(String venueSymbol, int limit) {
        return rest.publicGet("/fapi/v1/depth", orderedParams("symbol", venueSymbol, "limit", String.valueOf(limit)),
                depthWeight(limit));
    }

    ObjectMapper mapper() {
        return mapper;
    }

    AsterJson json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    Order remember(Order order) {
        if (order.venueOrderId() != null) {
            clientIds.put(order.venueOrderId(), order.clientOrderId());
        }
        return order;
    }

    void touched(String venueSymbol) {
        tradedSymbols.add(venueSymbol);
    }

    private static int depthLimit(int depth) {
        for (int limit : new int[] {5, 10, 20, 50, 100, 500, 1000}) {
            if (depth <= limit) {
                return limit;
            }
        }
        return 1000;
    }

    private static int depthWeight(int limit) {
        return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
    }

    private static Map<String, String> orderedParams(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    @Override
    public String toString() {
        return "AsterExchangeClient[" + config.restUrl() + ", " + config.authMode() + ", credentials="
                + (config.hasCredentials() ? "set" : "none") + "]";
    }
}

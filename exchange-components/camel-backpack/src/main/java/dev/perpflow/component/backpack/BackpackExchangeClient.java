package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
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
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link ExchangeClient} for Backpack's perpetuals: public data from {@code /api/v1/*}, trading and account calls
 * signed with Ed25519 ({@link BackpackRestClient}), the {@code depth.<symbol>} book kept in sync by update ids
 * ({@link BackpackBookStream}) and the signed private stream with REST catch-up ({@link BackpackUserStream}).
 *
 * <p>Orders are addressed by perpflow's client order id through Backpack's u32 {@code clientId}
 * ({@link BackpackClientIds}). Backpack publishes no REST request budget, so every call spends from one conservative
 * limiter, {@value #LIMITER_NAME} ({@value #REQUESTS_PER_PERIOD} requests per {@value #PERIOD_SECONDS} s).
 */
public final class BackpackExchangeClient implements ExchangeClient {

    public static final String LIMITER_NAME = "backpack-requests";
    public static final int REQUESTS_PER_PERIOD = 20;
    public static final int PERIOD_SECONDS = 2;
    private static final int FILL_PAGE = 1000;
    private static final int MAX_FILL_PAGES = 10;
    private static final int HISTORY_LIMIT = 200;
    private static final int[] DEPTH_LIMITS = {5, 10, 20, 50, 100, 500, 1000};

    private final BackpackConfiguration config;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final BackpackJson json;
    private final BackpackRestClient rest;
    private final BackpackMarkets markets;
    private final BackpackClientIds ids = new BackpackClientIds();
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private BackpackUserStream userStream;

    public BackpackExchangeClient(BackpackConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /**
     * A client whose REST and WebSocket traffic all goes through {@code http}: an account's proxied client, for
     * example ({@code dev.perpflow.exchange.net.ProxiedHttpClients}).
     */
    public BackpackExchangeClient(BackpackConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    BackpackExchangeClient(BackpackConfiguration config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.json = new BackpackJson(config.venue());
        VenueHttpClient venueHttp = new VenueHttpClient(config.venue(), config.restUrl(), http,
                config.requestTimeout(), RateLimiter.of(LIMITER_NAME, REQUESTS_PER_PERIOD,
                        Duration.ofSeconds(PERIOD_SECONDS)), new BackpackErrors(config.venue(), mapper));
        this.rest = new BackpackRestClient(config, venueHttp, mapper, clock);
        this.markets = new BackpackMarkets(rest, json, clock);
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

    public BackpackConfiguration config() {
        return config;
    }

    // --- public market data ---

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return markets.all();
    }

    /** {@code markPrices}' rate for the current interval, with the market's own {@code fundingInterval}. */
    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets.snapshot().thenCompose(snapshot -> rest.getMarkPrices().thenApply(rows -> {
            List<FundingRate> rates = new ArrayList<>();
            Instant now = clock.instant();
            for (JsonNode row : rows) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                if (instrument == null || !row.hasNonNull("fundingRate")) {
                    continue;
                }
                long next = row.path("nextFundingTimestamp").asLong(0);
                rates.add(new FundingRate(venue(), instrument.symbol(), json.decimal(row, "fundingRate"),
                        instrument.fundingIntervalHours(), null, json.optionalDecimal(row, "markPrice"),
                        json.optionalDecimal(row, "indexPrice"), next > 0 ? Instant.ofEpochMilli(next) : null, now));
            }
            return rates;
        }));
    }

    /** 24 h {@code quoteVolume} from the tickers and open interest (base units × mark price), in USD(C). */
    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        CompletableFuture<JsonNode> tickers = rest.getTickers();
        CompletableFuture<JsonNode> marks = rest.getMarkPrices();
        CompletableFuture<JsonNode> openInterest = rest.getOpenInterest()
                .exceptionally(failure -> mapper.createArrayNode()); // OI missing never fails the whole round
        return markets.snapshot().thenCompose(snapshot -> CompletableFuture.allOf(tickers, marks, openInterest)
                .thenApply(done -> {
                    Map<String, BigDecimal> mark = new HashMap<>();
                    marks.join().forEach(row -> mark.put(row.path("symbol").asText(),
                            json.optionalDecimal(row, "markPrice")));
                    Map<String, BigDecimal> oiUsd = new HashMap<>();
                    JsonNode oi = openInterest.join();
                    for (JsonNode row : oi.isArray() ? oi : mapper.createArrayNode().add(oi)) {
                        String venueSymbol = row.path("symbol").asText();
                        BigDecimal contracts = json.optionalDecimal(row, "openInterest");
                        if (contracts != null && mark.get(venueSymbol) != null) {
                            oiUsd.put(venueSymbol, contracts.multiply(mark.get(venueSymbol)));
                        }
                    }
                    List<MarketStats> stats = new ArrayList<>();
                    Instant now = clock.instant();
                    for (JsonNode ticker : tickers.join()) {
                        String venueSymbol = ticker.path("symbol").asText();
                        Instrument instrument = snapshot.byVenueSymbol().get(venueSymbol);
                        if (instrument != null) {
                            stats.add(new MarketStats(venue(), instrument.symbol(),
                                    json.optionalDecimal(ticker, "quoteVolume"), oiUsd.get(venueSymbol), now));
                        }
                    }
                    return stats;
                }));
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return markets.bySymbol(symbol).thenCompose(instrument -> rest.getDepth(instrument.venueSymbol(),
                        depthLimit(depth)).thenApply(node -> json.book(node, symbol, depth)))
                .exceptionallyCompose(failure -> renamed(failure, symbol, null));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return orderBook(symbol, 5).thenApply(book -> book.bbo().orElseThrow(() -> new ExchangeException(venue(),
                symbol + " has an empty side, no best bid and offer")));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        return markets.bySymbol(request.symbol()).thenCompose(instrument -> {
            Optional<String> collision = ids.claim(request.clientOrderId());
            if (collision.isPresent()) {
                // nothing was sent: the caller picks another id
                return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                        "client id " + BackpackClientIds.venueId(request.clientOrderId())
                                + " is already used by order " + collision.get()));
            }
            return rest.postOrder(orderBody(request, instrument), request.clientOrderId())
                    .thenApply(node -> json.order(node, request.symbol(), request.clientOrderId()));
        }).exceptionallyCompose(failure -> renamed(failure, request.symbol(), request.clientOrderId()));
    }

    private ObjectNode orderBody(OrderRequest request, Instrument instrument) {
        ObjectNode body = mapper.createObjectNode()
                .put("clientId", BackpackClientIds.venueId(request.clientOrderId()))
                .put("orderType", request.type() == OrderType.LIMIT ? "Limit" : "Market");
        if (request.timeInForce() == TimeInForce.POST_ONLY) {
            body.put("postOnly", true);
        }
        if (request.type() == OrderType.LIMIT) {
            body.put("price", request.price().toPlainString());
        }
        body.put("quantity", request.quantity().toPlainString());
        if (request.reduceOnly()) {
            body.put("reduceOnly", true);
        }
        body.put("side", BackpackJson.venueSide(request.side())).put("symbol", instrument.venueSymbol());
        if (request.type() == OrderType.LIMIT) {
            body.put("timeInForce", request.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
        }
        return body;
    }

    /** Cancels by client id; an order that already ended answers with its final view from the order history. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return markets.bySymbol(symbol).thenCompose(instrument -> {
            ids.claim(clientOrderId);
            return rest.deleteOrder(instrument.venueSymbol(), BackpackClientIds.venueId(clientOrderId))
                    .thenApply(node -> json.order(node, symbol, clientOrderId))
                    .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                            ? queryOrder(symbol, clientOrderId) : CompletableFuture.failedFuture(failure));
        }).exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    /** The resting order, else the order from the market's recent order history. */
    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        long clientId = BackpackClientIds.venueId(clientOrderId);
        return markets.bySymbol(symbol).thenCompose(instrument -> {
            ids.claim(clientOrderId);
            return rest.getOrder(instrument.venueSymbol(), clientId)
                    .thenApply(node -> json.order(node, symbol, clientOrderId))
                    .exceptionallyCompose(failure -> {
                        if (!(ExchangeException.unwrap(failure) instanceof OrderNotFoundException)) {
                            return CompletableFuture.failedFuture(failure);
                        }
                        return rest.getOrderHistory(instrument.venueSymbol(), HISTORY_LIMIT).thenApply(rows -> {
                            for (JsonNode row : rows) {
                                if (row.hasNonNull("clientId") && row.path("clientId").asLong() == clientId) {
                                    return json.order(row, symbol, clientOrderId);
                                }
                            }
                            throw new OrderNotFoundException(venue(), clientOrderId);
                        });
                    });
        }).exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> venueSymbol = symbol == null ? CompletableFuture.completedFuture(null)
                : markets.bySymbol(symbol).thenApply(Instrument::venueSymbol);
        return markets.snapshot().thenCompose(snapshot -> venueSymbol.thenCompose(rest::getOpenOrders)
                .thenApply(rows -> {
                    List<Order> orders = new ArrayList<>();
                    for (JsonNode row : rows) {
                        Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                        if (instrument != null) {
                            orders.add(json.order(row, instrument.symbol(), clientOrderIdOf(row, "clientId", "id")));
                        }
                    }
                    return orders;
                }));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets.snapshot().thenCompose(snapshot -> rest.getPositions().thenApply(rows -> {
            List<Position> positions = new ArrayList<>();
            Instant now = clock.instant();
            for (JsonNode row : rows) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                if (instrument != null && json.decimal(row, "netQuantity").signum() != 0) {
                    positions.add(json.position(row, instrument.symbol(), now));
                }
            }
            return positions;
        }));
    }

    /** The account's USDC collateral: net equity (uPnL included) and what is available for new orders. */
    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getCollateral().thenApply(node -> List.of(json.balance(node, clock.instant())));
    }

    /** Perpetual fills since {@code since} from the fill history, paged oldest first. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets.snapshot().thenCompose(snapshot -> fillPage(snapshot, since, 0, new ArrayList<>()));
    }

    private CompletableFuture<List<Fill>> fillPage(dev.perpflow.exchange.market.MarketCatalog.Snapshot snapshot, Instant since, int page,
            List<Fill> collected) {
        return rest.getFills(since.toEpochMilli(), FILL_PAGE, page * FILL_PAGE).thenCompose(rows -> {
            for (JsonNode row : rows) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.path("symbol").asText());
                if (instrument != null) {
                    Fill fill = json.fill(row, instrument.symbol(), clientOrderIdOf(row, "clientId", "orderId"));
                    if (!fill.timestamp().isBefore(since)) {
                        collected.add(fill);
                    }
                }
            }
            return rows.size() == FILL_PAGE && page + 1 < MAX_FILL_PAGES
                    ? fillPage(snapshot, since, page + 1, collected) : CompletableFuture.completedFuture(collected);
        });
    }

    /**
     * Backpack's leverage is one limit for the whole account ({@code leverageLimit}), not per market: this sets it
     * to {@code leverage} clamped to the market's maximum and answers with the value applied.
     */
    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return markets.bySymbol(symbol).thenCompose(instrument -> {
            int applied = Math.max(1, Math.min(leverage, instrument.maxLeverage()));
            return rest.patchLeverageLimit(applied).thenApply(ignored -> applied);
        });
    }

    // --- streams ---

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        BackpackBookStream stream = new BackpackBookStream(this, symbol, listener, http, scheduler);
        stream.start();
        return stream::close;
    }

    /** The signed account stream; fails fast without credentials (it cannot subscribe). */
    @Override
    public synchronized Subscription subscribeOrders(OrderEventListener listener) {
        if (!config.hasCredentials()) {
            throw new AuthenticationException(venue(), "the account stream needs credentials: set "
                    + BackpackCredentials.PUBLIC_KEY_ENV + " and " + BackpackCredentials.SECRET_KEY_ENV);
        }
        if (userStream == null) {
            userStream = new BackpackUserStream(this, rest, json, markets, http, scheduler);
            userStream.start();
        }
        userStream.add(listener);
        BackpackUserStream stream = userStream;
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

    CompletableFuture<JsonNode> depthSnapshot(String venueSymbol) {
        return rest.getDepth(venueSymbol, 1000);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    BackpackJson json() {
        return json;
    }

    /** perpflow's client order id of a venue payload's u32 client id (or of its order id, without one). */
    String clientOrderIdOf(JsonNode node, String clientIdField, String orderIdField) {
        JsonNode clientId = node.get(clientIdField);
        if (clientId == null || clientId.isNull() || clientId.asText().isEmpty()) {
            return ids.clientOrderId(null, node.path(orderIdField).asText(null));
        }
        try {
            return ids.clientOrderId(Long.valueOf(clientId.asText()), null);
        } catch (NumberFormatException e) {
            return clientId.asText(); // not Backpack's u32: reported as the venue wrote it
        }
    }

    /** Venue names in typed errors replaced by perpflow's (the decoder only sees the venue's request). */
    private <T> CompletableFuture<T> renamed(Throwable failure, String symbol, String clientOrderId) {
        Throwable cause = ExchangeException.unwrap(failure);
        if (cause instanceof MarketNotFoundException missing && !symbol.equals(missing.symbol())) {
            return CompletableFuture.failedFuture(new MarketNotFoundException(venue(), symbol));
        }
        if (cause instanceof OrderNotFoundException missing && clientOrderId != null
                && !clientOrderId.equals(missing.clientOrderId())) {
            return CompletableFuture.failedFuture(new OrderNotFoundException(venue(), clientOrderId));
        }
        return CompletableFuture.failedFuture(cause);
    }

    private static int depthLimit(int depth) {
        for (int limit : DEPTH_LIMITS) {
            if (depth <= limit) {
                return limit;
            }
        }
        return 1000;
    }

    @Override
    public String toString() {
        return "BackpackExchangeClient[" + config.restUrl() + ", credentials=" + (config.hasCredentials() ? "set" : "none")
                + "]";
    }
}

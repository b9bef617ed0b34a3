package dev.perpflow.testkit.grvt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.FundingSettlement;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import dev.perpflow.testkit.sim.SimBookFeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake GRVT on loopback, backed by one camel-sim venue, on GRVT's three hosts (each a server of its own, so a call
 * sent to the wrong host fails as it would): market data ({@code full/v1/instruments}, {@code ticker},
 * {@code funding}, {@code book}, and the {@code v1.book.s} feed), login ({@code auth/api_key/login}: the
 * {@code gravity} cookie and the {@code X-Grvt-Account-Id} header) and trading ({@code create_order},
 * {@code cancel_order}, {@code order}, {@code open_orders}, {@code positions}, {@code account_summary},
 * {@code fill_history}, {@code funding_payment_history}, leverage; the {@code v1.order}, {@code v1.fill} and
 * {@code v1.position} feeds). Trading calls and feeds need a live session (code 1000 otherwise; {@link #expireSessions}
 * ends them all); an order is accepted only when the signer recovered from its EIP-712 signature
 * ({@link GrvtFakeSignature}) is the configured wallet and the order's {@code signature.signer}, for the configured
 * sub account. Funding rates are in percentage points of each instrument's own interval, as GRVT sends them. Errors
 * are {@code {"code","message","status"}} with GRVT's codes and HTTP statuses.
 */
public final class FakeGrvt implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String ACCOUNT_ID = "0xfa4e000000000000000000000000000000000001";

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final String subAccountId;
    private final String apiKey;
    private final String signer;
    private final long chainId;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1000);
    private final Set<FakeWebSocketSession> accountSessions = ConcurrentHashMap.newKeySet();
    private final Set<FakeWebSocketSession> bookSessions = ConcurrentHashMap.newKeySet();
    private volatile Duration sessionLifetime = Duration.ofHours(1);
    private SimBookFeed books;
    private Subscription simEvents;
    private FakeVenueServer marketData;
    private FakeVenueServer trades;
    private FakeVenueServer edge;

    /**
     * A fake over {@code sim} for the sub account {@code subAccountId}, logging in {@code apiKey} and taking orders
     * signed by {@code signer} for {@code chainId} (325 production).
     */
    public FakeGrvt(SimExchangeClient sim, String subAccountId, String apiKey, String signer, long chainId) {
        this(sim, subAccountId, apiKey, signer, chainId, false);
    }

    /** A fake over its own manual sim venue (8 h funding, SOL every 4 h) for production's chain id. */
    public FakeGrvt(String subAccountId, String apiKey, String signer) {
        this(SimExchangeClient.manual(SimVenueConfig.defaults("grvt-sim", 31)
                .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(4) : m),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), subAccountId, apiKey, signer, 325, true);
    }

    private FakeGrvt(SimExchangeClient sim, String subAccountId, String apiKey, String signer, long chainId,
            boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.subAccountId = subAccountId;
        this.apiKey = apiKey;
        this.signer = signer.toLowerCase(Locale.ROOT);
        this.chainId = chainId;
    }

    public synchronized FakeGrvt start() {
        if (marketData == null) {
            books = new SimBookFeed(sim, 50);
            simEvents = sim.subscribeOrders(new Events());
            marketData = FakeVenueServer.start("grvt-market-data", this::marketData, Map.of("/ws", new BookFeeds()));
            trades = FakeVenueServer.start("grvt-trades", this::trades, Map.of("/ws", new AccountFeeds()));
            edge = FakeVenueServer.start("grvt-edge", this::edge, Map.of());
        }
        return this;
    }

    /** The market-data host ({@code perpflow.venues.grvt.rest-url}). */
    public URI marketDataUrl() {
        return started(marketData).baseUrl();
    }

    /** The market-data WebSocket ({@code …/ws/full}). */
    public URI marketDataWsUrl() {
        return URI.create(started(marketData).wsUrl() + "/ws/full");
    }

    /** The trading host ({@code perpflow.venues.grvt.trades-url}); its WebSocket is {@code …/ws/full}. */
    public URI tradesUrl() {
        return started(trades).baseUrl();
    }

    /** The login host ({@code perpflow.venues.grvt.auth-url}). */
    public URI authUrl() {
        return started(edge).baseUrl();
    }

    public FakeVenueServer marketDataServer() {
        return started(marketData);
    }

    /** The next {@code count} account subscriptions to {@code stream} are lost: neither answered nor served. */
    public void ignoreSubscriptions(String stream, int count) {
        ignored.put(stream, count);
    }

    public FakeVenueServer tradesServer() {
        return started(trades);
    }

    public FakeVenueServer authServer() {
        return started(edge);
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** Ends every session now (the next trading call is refused with code 1000 until it logs in again). */
    public void expireSessions() {
        sessions.clear();
    }

    /** How long new sessions last (the cookie's expiry). */
    public void sessionLifetime(Duration lifetime) {
        this.sessionLifetime = lifetime;
    }

    /** GRVT's instrument name of a sim symbol ({@code BTC_USDT_Perp}, {@code KBONK_USDT_Perp}). */
    public String instrumentName(String symbol) {
        return name(instrument(symbol));
    }

    @Override
    public synchronized void close() {
        if (marketData != null) {
            simEvents.close();
            books.close();
            marketData.close();
            trades.close();
            edge.close();
            marketData = null;
        }
        if (ownsSim) {
            sim.close();
        }
    }

    private static FakeVenueServer started(FakeVenueServer server) {
        if (server == null) {
            throw new IllegalStateException("FakeGrvt is not started");
        }
        return server;
    }

    // --- login host ---

    private FakeResponse edge(FakeRequest request) {
        if (!request.path().equals("/auth/api_key/login") || !request.method().equals("POST")) {
            return error(404, 1004, "Data Not Found");
        }
        JsonNode body = parse(request);
        if (body == null || !apiKey.equals(body.path("api_key").asText())) {
            return error(401, 1000, "You need to authenticate prior to using this functionality");
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        Instant expires = Instant.now().plus(sessionLifetime);
        sessions.put(token, expires);
        String cookie = "gravity=" + token + "; Path=/; Domain=grvt.io; Expires="
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(expires.atOffset(ZoneOffset.UTC)) + "; HttpOnly; Secure";
        return FakeResponse.ok("{\"status\":\"success\"}").withHeader("Set-Cookie", cookie)
                .withHeader("X-Grvt-Account-Id", ACCOUNT_ID);
    }

    private boolean authenticated(Optional<String> cookieHeader, Optional<String> accountHeader) {
        String token = cookieHeader.flatMap(FakeGrvt::gravity).orElse(null);
        Instant expires = token == null ? null : sessions.get(token);
        return expires != null && expires.isAfter(Instant.now()) && accountHeader.filter(ACCOUNT_ID::equals).isPresent();
    }

    private static Optional<String> gravity(String cookies) {
        for (String part : cookies.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("gravity")) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    // --- market data host ---

    private FakeResponse marketData(FakeRequest request) {
        JsonNode body = parse(request);
        if (body == null) {
            return error(400, 1003, "Request could not be processed due to malformed syntax");
        }
        return switch (request.path()) {
            case "/full/v1/instruments", "/full/v1/all_instruments" -> result(instruments());
            case "/full/v1/instrument" -> result(instrumentJson(instrumentByName(body.path("instrument").asText())));
            case "/full/v1/ticker" -> {
                Instrument instrument = instrumentByName(body.path("instrument").asText());
                yield instrument == null ? error(400, 3000, "Instrument is invalid") : result(ticker(instrument));
            }
            case "/full/v1/funding" -> {
                Instrument instrument = instrumentByName(body.path("instrument").asText());
                yield instrument == null ? error(400, 3000, "Instrument is invalid") : result(funding(instrument));
            }
            case "/full/v1/book" -> {
                Instrument instrument = instrumentByName(body.path("instrument").asText());
                yield instrument == null ? error(400, 3000, "Instrument is invalid")
                        : result(bookJson(sim.exchange().book(instrument.symbol(), Math.min(500,
                                body.path("depth").asInt(10)))));
            }
            default -> error(404, 1004, "Data Not Found");
        };
    }

    private ArrayNode instruments() {
        ArrayNode rows = JSON.createArrayNode();
        sim.exchange().instruments().forEach(i -> rows.add(instrumentJson(i)));
        return rows;
    }

    private ObjectNode instrumentJson(Instrument i) {
        if (i == null) {
            return null;
        }
        ObjectNode row = JSON.createObjectNode().put("instrument", name(i)).put("instrument_hash", hash(i))
                .put("base", base(i)).put("quote", "USDT").put("kind", "PERPETUAL").put("base_decimals", 9)
                .put("quote_decimals", 6).put("tick_size", plain(i.tickSize())).put("min_size", plain(i.lotSize()))
                .put("create_time", "1697788800000000000").put("max_position_size", "1000000")
                .put("funding_interval_hours", i.fundingIntervalHours()).put("adjusted_funding_rate_cap", "2.5")
                .put("adjusted_funding_rate_floor", "-2.5").put("min_notional", plain(i.minNotional()));
        row.putArray("venues").add("ORDERBOOK");
        return row;
    }

    private ObjectNode ticker(Instrument i) {
        FundingRate rate = sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals(i.symbol()))
                .findFirst().orElseThrow();
        MarketStats stats = sim.exchange().marketStats().stream().filter(s -> s.symbol().equals(i.symbol()))
                .findFirst().orElseThrow();
        OrderBook book = sim.exchange().book(i.symbol(), 1);
        BigDecimal mark = rate.markPrice() == null ? book.bbo().orElseThrow().mid() : rate.markPrice();
        String percent = plain(rate.rate().movePointRight(2));
        BigDecimal halfVolume = stats.volume24hUsd().divide(BigDecimal.valueOf(2), 8, java.math.RoundingMode.HALF_EVEN);
        long next = (rate.nextFundingTime() == null ? Instant.now().plus(1, ChronoUnit.HOURS) : rate.nextFundingTime())
                .toEpochMilli() * 1_000_000L;
        return JSON.createObjectNode().put("event_time", Long.toString(nanos(Instant.now())))
                .put("instrument", name(i)).put("mark_price", plain(mark))
                .put("index_price", plain(rate.indexPrice() == null ? mark : rate.indexPrice()))
                .put("last_price", plain(mark)).put("mid_price", plain(book.bbo().orElseThrow().mid()))
                .put("best_bid_price", plain(book.bids().get(0).price()))
                .put("best_bid_size", plain(book.bids().get(0).quantity()))
                .put("best_ask_price", plain(book.asks().get(0).price()))
                .put("best_ask_size", plain(book.asks().get(0).quantity()))
                .put("funding_rate_8h_curr", percent).put("funding_rate_8h_avg", percent).put("interest_rate", "0.0")
                .put("buy_volume_24h_q", plain(halfVolume)).put("sell_volume_24h_q", plain(halfVolume))
                .put("open_interest", plain(stats.openInterestUsd().divide(mark, 9, java.math.RoundingMode.HALF_EVEN)))
                .put("funding_rate", percent).put("next_funding_time", Long.toString(next));
    }

    private ArrayNode funding(Instrument i) {
        ArrayNode rows = JSON.createArrayNode();
        sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals(i.symbol())).forEach(r -> rows.addObject()
                .put("instrument", name(i)).put("funding_rate", plain(r.rate().movePointRight(2)))
                .put("funding_time", Long.toString(nanos(r.observedAt())))
                .put("mark_price", plain(r.markPrice() == null ? BigDecimal.ONE : r.markPrice()))
                .put("funding_rate_8_h_avg", plain(r.rate().movePointRight(2)))
                .put("funding_interval_hours", r.intervalHours()));
        return rows;
    }

    private ObjectNode bookJson(OrderBook book) {
        ObjectNode out = JSON.createObjectNode().put("event_time", Long.toString(nanos(book.timestamp())))
                .put("instrument", name(instrument(book.symbol())));
        for (String side : List.of("bids", "asks")) {
            ArrayNode levels = out.putArray(side);
            for (PriceLevel level : side.equals("bids") ? book.bids() : book.asks()) {
                levels.addObject().put("price", plain(level.price())).put("size", plain(level.quantity()))
                        .put("num_orders", 1);
            }
        }
        return out;
    }

    // --- trading host ---

    private FakeResponse trades(FakeRequest request) {
        if (!authenticated(request.header("cookie"), request.header("x-grvt-account-id"))) {
            return error(401, 1000, "You need to authenticate prior to using this functionality");
        }
        JsonNode body = parse(request);
        if (body == null) {
            return error(400, 1003, "Request could not be processed due to malformed syntax");
        }
        if (!request.path().equals("/full/v1/create_order") && !subAccountId.equals(body.path("sub_account_id").asText())) {
            return error(403, 1001, "You are not authorized to access this functionality");
        }
        try {
            return switch (request.path()) {
                case "/full/v1/create_order" -> createOrder(body.path("order"));
                case "/full/v1/cancel_order" -> cancelOrder(body);
                case "/full/v1/order" -> result(orderJson(sim.exchange().query(null, clientId(body))));
                case "/full/v1/open_orders" -> {
                    ArrayNode rows = JSON.createArrayNode();
                    sim.exchange().openOrders(null).forEach(o -> rows.add(orderJson(o)));
                    yield result(rows);
                }
                case "/full/v1/positions" -> {
                    ArrayNode rows = JSON.createArrayNode();
                    sim.exchange().positions().forEach(p -> rows.add(positionJson(p)));
                    yield result(rows);
                }
                case "/full/v1/account_summary" -> result(summary());
                case "/full/v1/fill_history" -> {
                    Instant since = fromNanos(body.path("start_time").asText("0"));
                    ArrayNode rows = JSON.createArrayNode();
                    sim.exchange().fillsSince(since).forEach(f -> rows.add(fillJson(f)));
                    ObjectNode page = JSON.createObjectNode();
                    page.set("result", rows);
                    yield FakeResponse.ok(page.put("next", "").toString());
                }
                case "/full/v1/funding_payment_history" -> result(fundingPayments(fromNanos(body.path("start_time")
                        .asText("0"))));
                case "/full/v1/get_all_initial_leverage" -> {
                    ArrayNode rows = JSON.createArrayNode();
                    sim.exchange().instruments().forEach(i -> rows.addObject().put("instrument", name(i))
                            .put("leverage", "5").put("min_leverage", "1")
                            .put("max_leverage", Integer.toString(i.maxLeverage())).put("margin_type", "CROSS"));
                    ObjectNode out = JSON.createObjectNode();
                    out.set("results", rows);
                    yield FakeResponse.ok(out.toString());
                }
                case "/full/v1/set_initial_leverage" -> {
                    Instrument instrument = instrumentByName(body.path("instrument").asText());
                    int leverage = new BigDecimal(body.path("leverage").asText("0")).intValue();
                    if (instrument == null || leverage < 1 || leverage > instrument.maxLeverage()) {
                        yield error(400, 1003, "Request could not be processed due to malformed syntax");
                    }
                    sim.exchange().setLeverage(instrument.symbol(), leverage);
                    yield FakeResponse.ok("{\"success\":\"true\"}");
                }
                default -> error(404, 1004, "Data Not Found");
            };
        } catch (OrderNotFoundException e) {
            return error(404, 1004, "Data Not Found");
        }
    }

    private FakeResponse createOrder(JsonNode order) {
        if (!subAccountId.equals(order.path("sub_account_id").asText())) {
            return error(403, 2003, "Order sub account does not match logged in user");
        }
        String clientId = order.path("metadata").path("client_order_id").asText("");
        if (clientId.isEmpty()) {
            return error(400, 2011, "Client Order ID should be supplied when creating an order");
        }
        JsonNode signature = order.path("signature");
        if (signature.path("v").asInt() != 27 && signature.path("v").asInt() != 28) {
            return error(403, 2005, "Signature V must be 27/28");
        }
        if (!String.valueOf(chainId).equals(signature.path("chain_id").asText(String.valueOf(chainId)))) {
            return error(400, 1012, "Invalid signature chain ID");
        }
        Optional<String> recovered = GrvtFakeSignature.signer(order, chainId, this::meta);
        if (recovered.isEmpty() || !recovered.get().equalsIgnoreCase(signature.path("signer").asText())) {
            return error(403, 2002, "Signature does not match payload");
        }
        if (!recovered.get().equals(signer)) {
            return error(403, 2000, "Signature is from an unauthorized signer");
        }
        Instant expiration = fromNanos(signature.path("expiration").asText("0"));
        if (!expiration.isAfter(Instant.now())) {
            return error(403, 2001, "Signature has expired");
        }
        if (order.path("legs").size() != 1) {
            return error(400, 2042, "Orderbook Orders must contain only one leg");
        }
        JsonNode leg = order.path("legs").get(0);
        Instrument instrument = instrumentByName(leg.path("instrument").asText());
        if (instrument == null) {
            return error(400, 2061, "Unsupported Instrument Requested");
        }
        boolean market = order.path("is_market").asBoolean();
        BigDecimal size = new BigDecimal(leg.path("size").asText("0"));
        if (size.remainder(instrument.lotSize()).signum() != 0) {
            return error(400, 2065, "Order size too granular");
        }
        BigDecimal price = market ? null : new BigDecimal(leg.path("limit_price").asText("0"));
        if (market && leg.hasNonNull("limit_price") && new BigDecimal(leg.get("limit_price").asText()).signum() != 0) {
            return error(400, 2020, "Market Order must always be supplied without a limit price");
        }
        if (price != null && price.remainder(instrument.tickSize()).signum() != 0) {
            return error(400, 2064, "Invalid limit price tick");
        }
        boolean postOnly = order.path("post_only").asBoolean();
        TimeInForce tif = postOnly ? TimeInForce.POST_ONLY : switch (order.path("time_in_force").asText()) {
            case "IMMEDIATE_OR_CANCEL", "FILL_OR_KILL" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
        Side side = leg.path("is_buying_asset").asBoolean() ? Side.BUY : Side.SELL;
        boolean reduceOnly = order.path("reduce_only").asBoolean();
        Order placed;
        try {
            placed = sim.exchange().submit(market ? OrderRequest.market(clientId, instrument.symbol(), side, size,
                    reduceOnly) : new OrderRequest(clientId, instrument.symbol(), side, size, price, OrderType.LIMIT,
                    tif, reduceOnly));
        } catch (InsufficientMarginException e) {
            return error(400, 2080, "Insufficient margin to create order");
        } catch (OrderRejectedException e) {
            if (e.reason().contains("duplicate")) {
                return error(400, 2012, "Client Order ID overlaps with existing active order");
            }
            if (e.reason().contains("reduce-only")) {
                return error(400, 2401, "Reduce only order must not increase position size");
            }
            if (e.reason().contains("notional")) {
                return error(400, 2066, "Order below minimum notional. Please try again with a higher price or size.");
            }
            if (e.reason().contains("post-only")) {
                return result(rejected(order, "FAIL_POST_ONLY"));
            }
            return error(400, 2082, "Pre-order check failed");
        } catch (ExchangeException e) {
            return error(400, 2082, "Pre-order check failed");
        }
        orderIds.computeIfAbsent(clientId, id -> "0x" + Long.toHexString(sequence.incrementAndGet()));
        return result(orderJson(placed));
    }

    private ObjectNode rejected(JsonNode order, String reason) {
        ObjectNode out = order.deepCopy();
        out.put("order_id", "0x" + Long.toHexString(sequence.incrementAndGet()));
        ObjectNode state = out.putObject("state").put("status", "REJECTED").put("reject_reason", reason)
                .put("update_time", Long.toString(nanos(Instant.now())));
        state.putArray("book_size").add("0");
        state.putArray("traded_size").add("0");
        state.putArray("avg_fill_price").add("0");
        return out;
    }

    private FakeResponse cancelOrder(JsonNode body) {
        String clientId = clientId(body);
        if (clientId.isEmpty()) {
            return error(400, 3021, "Either order ID or client order ID must be supplied");
        }
        Order order = sim.exchange().query(null, clientId);
        if (order.status().isWorking()) {
            sim.exchange().cancel(order.symbol(), clientId);
        }
        return FakeResponse.ok("{\"result\":{\"ack\":\"true\"}}");
    }

    private String clientId(JsonNode body) {
        return body.path("client_order_id").asText("");
    }

    ObjectNode orderJson(Order o) {
        Instrument instrument = instrument(o.symbol());
        ObjectNode out = JSON.createObjectNode()
                .put("order_id", orderIds.computeIfAbsent(o.clientOrderId(),
                        id -> "0x" + Long.toHexString(sequence.incrementAndGet())))
                .put("sub_account_id", subAccountId).put("is_market", o.type() == OrderType.MARKET)
                .put("time_in_force", o.timeInForce() == TimeInForce.IOC ? "IMMEDIATE_OR_CANCEL" : "GOOD_TILL_TIME")
                .put("post_only", o.timeInForce() == TimeInForce.POST_ONLY).put("reduce_only", o.reduceOnly());
        ObjectNode leg = out.putArray("legs").addObject().put("instrument", name(instrument))
                .put("size", plain(o.quantity())).put("is_buying_asset", o.side() == Side.BUY);
        if (o.price() != null) {
            leg.put("limit_price", plain(o.price()));
        }
        out.putObject("signature").put("signer", signer).put("r", "0x" + "0".repeat(64)).put("s", "0x" + "0".repeat(64))
                .put("v", 27).put("expiration", "0").put("nonce", 0).put("chain_id", Long.toString(chainId));
        out.putObject("metadata").put("client_order_id", o.clientOrderId())
                .put("create_time", Long.toString(nanos(o.createdAt())));
        ObjectNode state = out.putObject("state").put("status", switch (o.status()) {
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELLED";
            case REJECTED -> "REJECTED";
            case NEW -> "PENDING";
            default -> "OPEN";
        }).put("reject_reason", o.status() == OrderStatus.CANCELED ? (o.timeInForce() == TimeInForce.IOC
                || o.type() == OrderType.MARKET ? "IOC_CANCEL" : "CLIENT_CANCEL") : "UNSPECIFIED")
                .put("update_time", Long.toString(nanos(o.updatedAt() == null ? o.createdAt() : o.updatedAt())));
        state.putArray("book_size").add(plain(o.status().isWorking() ? o.remainingQuantity() : BigDecimal.ZERO));
        state.putArray("traded_size").add(plain(o.filledQuantity()));
        state.putArray("avg_fill_price").add(plain(o.averagePrice() == null ? BigDecimal.ZERO : o.averagePrice()));
        return out;
    }

    ObjectNode fillJson(Fill f) {
        return JSON.createObjectNode().put("event_time", Long.toString(nanos(f.timestamp())))
                .put("sub_account_id", subAccountId).put("instrument", name(instrument(f.symbol())))
                .put("is_buyer", f.side() == Side.BUY).put("is_taker", f.liquidity().name().equals("TAKER"))
                .put("size", plain(f.quantity())).put("price", plain(f.price())).put("mark_price", plain(f.price()))
                .put("index_price", plain(f.price())).put("interest_rate", "0").put("realized_pnl", "0")
                .put("fee", plain(f.fee())).put("fee_rate", "0").put("trade_id", f.tradeId())
                .put("order_id", f.clientOrderId() == null ? "0x0" : orderIds.computeIfAbsent(f.clientOrderId(),
                        id -> "0x" + Long.toHexString(sequence.incrementAndGet())))
                .put("venue", "ORDERBOOK").put("is_liquidation", f.clientOrderId() == null)
                .put("client_order_id", f.clientOrderId() == null ? "0" : f.clientOrderId())
                .put("signer", signer).put("fee_currency", "USDT");
    }

    ObjectNode positionJson(Position p) {
        BigDecimal funding = p.fundingAccrued() == null ? BigDecimal.ZERO : p.fundingAccrued().negate();
        return JSON.createObjectNode().put("event_time", Long.toString(nanos(p.timestamp())))
                .put("sub_account_id", subAccountId).put("instrument", name(instrument(p.symbol())))
                .put("size", plain(p.quantity())).put("notional", plain(p.notional()))
                .put("entry_price", plain(p.entryPrice())).put("exit_price", "0")
                .put("mark_price", plain(p.markPrice() == null ? p.entryPrice() : p.markPrice()))
                .put("unrealized_pnl", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO : p.unrealizedPnl()))
                .put("realized_pnl", "0").put("total_pnl", "0").put("roi", "0").put("quote_index_price", "1")
                .put("est_liquidation_price", plain(p.liquidationPrice() == null ? BigDecimal.ZERO
                        : p.liquidationPrice()))
                .put("leverage", plain(p.leverage() == null ? BigDecimal.ONE : p.leverage()))
                .put("cumulative_fee", "0").put("cumulative_realized_funding_payment", plain(funding))
                .put("margin_type", "CROSS");
    }

    private ObjectNode summary() {
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        for (var balance : sim.exchange().balances()) {
            equity = equity.add(balance.total());
            available = available.add(balance.available());
        }
        ObjectNode out = JSON.createObjectNode().put("event_time", Long.toString(nanos(Instant.now())))
                .put("sub_account_id", subAccountId).put("margin_type", "SIMPLE_CROSS_MARGIN")
                .put("settle_currency", "USDT").put("unrealized_pnl", "0").put("total_equity", plain(equity))
                .put("initial_margin", plain(equity.subtract(available))).put("maintenance_margin", "0")
                .put("available_balance", plain(available)).put("settle_index_price", "1");
        ArrayNode positions = out.putArray("positions");
        sim.exchange().positions().forEach(p -> positions.add(positionJson(p)));
        out.putArray("spot_balances").addObject().put("currency", "USDT").put("balance", plain(equity));
        return out;
    }

    private ArrayNode fundingPayments(Instant since) {
        ArrayNode rows = JSON.createArrayNode();
        for (FundingSettlement s : sim.exchange().settlements()) {
            if (!s.time().isBefore(since)) {
                rows.addObject().put("event_time", Long.toString(nanos(s.time()))).put("sub_account_id", subAccountId)
                        .put("instrument", name(instrument(s.symbol()))).put("currency", "USDT")
                        .put("amount", plain(s.amount().negate())).put("tx_id", Long.toString(sequence.incrementAndGet()));
            }
        }
        return rows;
    }

    // --- feeds ---

    private final class BookFeeds implements FakeWebSocketHandler {

        @Override
        public void onText(FakeWebSocketSession session, String text) {
            JsonNode message = parse(text);
            if (message == null || !"subscribe".equals(message.path("method").asText())) {
                return;
            }
            String stream = message.path("params").path("stream").asText();
            String selector = message.path("params").path("selectors").path(0).asText();
            Instrument instrument = instrumentByName(selector.split("@")[0]);
            if (!stream.equals("v1.book.s") || instrument == null) {
                session.send(rpcError(message, 3000, "Instrument is invalid"));
                return;
            }
            session.send(subscribed(message, stream, selector));
            session.attributes().put("book", instrument.symbol());
            bookSessions.add(session);
            books.follow(instrument.symbol(), diff -> publish(diff.book()));
            publish(sim.exchange().book(instrument.symbol(), 50));
        }

        @Override
        public void onClose(FakeWebSocketSession session) {
            bookSessions.remove(session);
        }
    }

    private void publish(OrderBook book) {
        ObjectNode message = JSON.createObjectNode().put("stream", "v1.book.s").put("selector", name(instrument(
                book.symbol())) + "@500-50").put("sequence_number", Long.toString(sequence.incrementAndGet()));
        message.set("feed", bookJson(book));
        String text = message.toString();
        bookSessions.stream().filter(s -> book.symbol().equals(s.attributes().get("book"))).forEach(s -> s.send(text));
    }

    private final Map<String, Integer> ignored = new java.util.concurrent.ConcurrentHashMap<>();

    private final class AccountFeeds implements FakeWebSocketHandler {

        @Override
        public void onText(FakeWebSocketSession session, String text) {
            JsonNode message = parse(text);
            if (message == null || !"subscribe".equals(message.path("method").asText())) {
                return;
            }
            if (!authenticated(session.header("cookie"), session.header("x-grvt-account-id"))) {
                session.send(rpcError(message, 1000, "You need to authenticate prior to using this functionality"));
                return;
            }
            String stream = message.path("params").path("stream").asText();
            String selector = message.path("params").path("selectors").path(0).asText();
            if (ignored.computeIfPresent(stream, (name, n) -> n - 1) != null) {
                ignored.remove(stream, 0);
                return; // scripted: lost on the way, neither answered nor served
            }
            if (!selector.split("-")[0].equals(subAccountId)) {
                session.send(rpcError(message, 1001, "You are not authorized to access this functionality"));
                return;
            }
            session.send(subscribed(message, stream, selector));
            session.attributes().put(stream, true);
            accountSessions.add(session);
        }

        @Override
        public void onClose(FakeWebSocketSession session) {
            accountSessions.remove(session);
        }
    }

    private void feed(String stream, ObjectNode data) {
        ObjectNode message = JSON.createObjectNode().put("stream", stream).put("selector", subAccountId)
                .put("sequence_number", Long.toString(sequence.incrementAndGet()));
        message.set("feed", data);
        String text = message.toString();
        accountSessions.stream().filter(s -> s.attributes().containsKey(stream)).forEach(s -> s.send(text));
    }

    private final class Events implements OrderEventListener {

        @Override
        public void onOrder(Order order) {
            feed("v1.order", orderJson(order));
        }

        @Override
        public void onFill(Fill fill) {
            feed("v1.fill", fillJson(fill));
        }

        @Override
        public void onPosition(Position position) {
            feed("v1.position", positionJson(position));
        }
    }

    private static String subscribed(JsonNode request, String stream, String selector) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "subscribe");
        ObjectNode result = answer.putObject("result").put("stream", stream);
        result.putArray("subs").add(selector);
        result.putArray("unsubs");
        answer.set("id", request.path("id"));
        return answer.toString();
    }

    private static String rpcError(JsonNode request, int code, String text) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "subscribe");
        answer.putObject("error").put("code", code).put("message", text);
        answer.set("id", request.path("id"));
        return answer.toString();
    }

    // --- helpers ---

    private GrvtFakeSignature.Instruments.Meta meta(String name) {
        Instrument instrument = instrumentByName(name);
        return instrument == null ? null : new GrvtFakeSignature.Instruments.Meta(hash(instrument), 9);
    }

    private Instrument instrument(String symbol) {
        return sim.exchange().instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sim market " + symbol));
    }

    private Instrument instrumentByName(String name) {
        return sim.exchange().instruments().stream().filter(i -> name(i).equals(name)).findFirst().orElse(null);
    }

    private String hash(Instrument instrument) {
        return "0x" + Integer.toHexString(0x030501 + sim.exchange().instruments().indexOf(instrument) * 0x100);
    }

    private static String base(Instrument i) {
        return i.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0 ? "K" + i.symbol() : i.symbol();
    }

    static String name(Instrument i) {
        return base(i) + "_USDT_Perp";
    }

    private static JsonNode parse(FakeRequest request) {
        return parse(request.bodyText().isEmpty() ? "{}" : request.bodyText());
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant fromNanos(String value) {
        long nanos = Long.parseLong(value.isEmpty() ? "0" : value);
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static FakeResponse result(JsonNode value) {
        if (value == null) {
            return error(404, 1004, "Data Not Found");
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("result", value);
        return FakeResponse.ok(out.toString());
    }

    static FakeResponse error(int status, int code, String message) {
        return FakeResponse.json(status, JSON.createObjectNode().put("request_id", 1).put("code", code)
                .put("message", message).put("status", status).toString());
    }
}

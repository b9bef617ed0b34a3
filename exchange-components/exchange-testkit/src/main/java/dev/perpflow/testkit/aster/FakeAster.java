package dev.perpflow.testkit.aster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Aster (V1 futures API, Binance USD-M shapes) on loopback, backed by a camel-sim venue for prices, funding,
 * matching, positions and balances. It serves the real paths and payloads, checks {@code X-MBX-APIKEY}, the
 * HMAC-SHA256 signature over the exact query + body and the {@code recvWindow} the way Aster does (answering with
 * Aster's error codes), runs listen-key user streams and {@code <symbol>@depth@100ms} diff streams with
 * {@code U/u/pu} ids, and lets tests script faults through {@link #server()}.
 *
 * <p>Started with {@link #startApiWallet} it holds a V3 account instead: the same handlers answer the
 * {@code /fapi/v3/...} paths, and private calls there are checked as API-wallet requests (EIP-712 signature
 * recovered to the registered signer, nonce window and reuse; {@link FakeAsterApiWallet}). Public V3 paths need no
 * credentials, as on Aster; {@code openInterest}, absent from the V3 docs, has no V3 path.
 *
 * <p>Aster market names are the sim's venue symbols plus {@code USDT} ({@code BTCUSDT}, {@code 1000BONKUSDT}).
 */
public final class FakeAster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "USDT";

    private final SimExchangeClient sim;
    /** Accepted V1 API keys and their secrets (one sim account behind all of them). */
    private final Map<String, byte[]> apiKeys = new ConcurrentHashMap<>();
    private final FakeAsterApiWallet apiWallet;
    private final FakeVenueServer server;
    private final SimBookFeed books;
    private final Map<String, FakeWebSocketSession> userSessions = new ConcurrentHashMap<>();
    private final Set<String> listenKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<FakeWebSocketSession>> depthSessions = new ConcurrentHashMap<>();
    private final Map<String, Long> orderIds = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(8_389_765_000L);
    private final Subscription simEvents;

    private FakeAster(SimExchangeClient sim, String apiKey, String secretKey, FakeAsterApiWallet apiWallet) {
        this.sim = sim;
        if (apiKey != null) {
            apiKeys.put(apiKey, secretKey.getBytes(StandardCharsets.UTF_8));
        }
        this.apiWallet = apiWallet;
        this.books = new SimBookFeed(sim, 50);
        this.server = FakeVenueServer.start("aster", this::handle, Map.of("/ws/", new Streams()));
        this.simEvents = sim.subscribeOrders(new UserEvents());
    }

    /** Starts a fake Aster over {@code sim} that accepts exactly {@code apiKey}/{@code secretKey}. */
    public static FakeAster start(SimExchangeClient sim, String apiKey, String secretKey) {
        return new FakeAster(sim, apiKey, secretKey, null);
    }

    /** Also accepts {@code apiKey}/{@code secretKey} (another key of the same account, e.g. a second route's). */
    public FakeAster acceptApiKey(String apiKey, String secretKey) {
        apiKeys.put(apiKey, secretKey.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Starts a fake Aster over {@code sim} holding a V3 account: main wallet {@code user} with the approved API
     * wallet {@code signer} (addresses; the fake never needs the key). No V1 API key is accepted.
     */
    public static FakeAster startApiWallet(SimExchangeClient sim, String user, String signer) {
        return new FakeAster(sim, null, null, new FakeAsterApiWallet(user, signer));
    }

    public URI restUrl() {
        return server.baseUrl();
    }

    public URI wsUrl() {
        return server.wsUrl();
    }

    /** The HTTP/WebSocket server: requests seen, scripted faults, stream drops. */
    public FakeVenueServer server() {
        return server;
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** The next depth update of {@code symbol} (normalized) is numbered but never sent: a sequence gap. */
    public void skipNextDepthUpdate(String symbol) {
        books.skipNext(symbol);
    }

    /** Expires every listen key, telling connected user streams with {@code listenKeyExpired}. */
    public void expireListenKeys() {
        listenKeys.clear();
        String event = "{\"e\":\"listenKeyExpired\",\"E\":" + System.currentTimeMillis() + "}";
        userSessions.values().forEach(session -> session.send(event));
    }

    @Override
    public void close() {
        simEvents.close();
        books.close();
        server.close();
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        String route = request.method() + " " + v1Twin(request.path());
        try {
            return switch (route) {
                case "GET /fapi/v1/exchangeInfo" -> ok(exchangeInfo());
                case "GET /fapi/v1/fundingInfo" -> ok(fundingInfo());
                case "GET /fapi/v1/premiumIndex" -> ok(premiumIndex(request.queryParameter("symbol")));
                case "GET /fapi/v1/ticker/24hr" -> ok(tickers());
                case "GET /fapi/v1/openInterest" -> ok(openInterest(symbolOf(param(request, "symbol"))));
                case "GET /fapi/v1/depth" -> ok(depth(symbolOf(param(request, "symbol"))));
                case "GET /fapi/v1/ticker/bookTicker" -> ok(bookTicker(symbolOf(param(request, "symbol"))));
                case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey", "DELETE /fapi/v1/listenKey" ->
                        keyed(request, () -> listenKey(request.method()));
                case "GET /fapi/v1/leverageBracket" -> signed(request, p -> ok(leverageBrackets()));
                case "POST /fapi/v1/order" -> signed(request, p -> ok(order(sim.exchange().submit(orderRequest(p)))));
                case "GET /fapi/v1/order" -> signed(request, p -> ok(order(findOrder(p))));
                case "DELETE /fapi/v1/order" -> signed(request, p -> ok(order(cancel(p))));
                case "GET /fapi/v1/openOrders" -> signed(request, p -> ok(openOrders(p)));
                case "GET /fapi/v1/allOrders" -> signed(request, p -> ok(allOrders(p)));
                case "GET /fapi/v2/positionRisk" -> signed(request, p -> ok(positionRisk()));
                case "GET /fapi/v2/balance" -> signed(request, p -> ok(balances()));
                case "GET /fapi/v1/userTrades" -> signed(request, p -> ok(userTrades(p)));
                case "POST /fapi/v1/leverage" -> signed(request, p -> ok(leverage(p)));
                default -> error(404, -1000, "Unknown path " + request.path());
            };
        } catch (AsterError e) {
            return error(e.status, e.code, e.getMessage());
        } catch (MarketNotFoundException e) {
            return error(400, -1121, "Invalid symbol.");
        } catch (InsufficientMarginException e) {
            return error(400, -2019, "Margin is insufficient.");
        } catch (OrderNotFoundException e) {
            return request.method().equals("DELETE") ? error(400, -2011, "Unknown order sent.")
                    : error(400, -2013, "Order does not exist.");
        } catch (ExchangeException e) {
            return error(400, -2010, e.getMessage());
        }
    }

    /** The V1/V2 path whose handler answers {@code path}: a V3 path is served like its V1/V2 twin. */
    private static String v1Twin(String path) {
        if (!isV3(path) || path.equals("/fapi/v3/openInterest")) {
            return path;
        }
        String name = path.substring("/fapi/v3/".length());
        return (name.equals("positionRisk") || name.equals("balance") ? "/fapi/v2/" : "/fapi/v1/") + name;
    }

    private static boolean isV3(String path) {
        return path.startsWith("/fapi/v3/");
    }

    /** Checks a V3 request's API-wallet signature and nonce; answers Aster's errors for other accounts. */
    private Map<String, String> checkApiWallet(FakeRequest request) {
        if (apiWallet == null) {
            throw new AsterError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return apiWallet.verify(request);
    }

    /** Checks the API key, signature and receive window as Aster does, then runs {@code action}. */
    private FakeResponse signed(FakeRequest request, java.util.function.Function<Map<String, String>, FakeResponse> action) {
        if (isV3(request.path())) {
            return action.apply(checkApiWallet(request));
        }
        checkApiKey(request);
        String query = request.rawQuery();
        String body = request.bodyText();
        String signature = null;
        String[] stripped = {query, body};
        for (int i = 0; i < stripped.length; i++) {
            int at = stripped[i].indexOf("signature=");
            if (at >= 0) {
                int end = stripped[i].indexOf('&', at);
                signature = stripped[i].substring(at + "signature=".length(), end < 0 ? stripped[i].length() : end);
                String before = stripped[i].substring(0, Math.max(0, at - 1));
                String after = end < 0 ? "" : stripped[i].substring(end + 1);
                stripped[i] = before.isEmpty() ? after : after.isEmpty() ? before : before + "&" + after;
            }
        }
        if (signature == null) {
            throw new AsterError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String expected = hmac(apiKeys.get(request.header("X-MBX-APIKEY").orElse("")), stripped[0] + stripped[1]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new AsterError(400, -1022, "Signature for this request is not valid.");
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        FakeVenueServer.parseForm(stripped[0]).forEach((k, v) -> params.put(k, v.get(0)));
        FakeVenueServer.parseForm(stripped[1]).forEach((k, v) -> params.put(k, v.get(0)));
        long timestamp = Long.parseLong(Optional.ofNullable(params.get("timestamp")).orElseThrow(() ->
                new AsterError(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.")));
        long window = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
        long now = System.currentTimeMillis();
        if (timestamp > now + 1000 || now - timestamp > window) {
            throw new AsterError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return action.apply(params);
    }

    private FakeResponse keyed(FakeRequest request, java.util.function.Supplier<Object> action) {
        if (isV3(request.path())) {
            checkApiWallet(request); // USER_STREAM calls are signed in V3
        } else {
            checkApiKey(request);
        }
        return ok(action.get());
    }

    private void checkApiKey(FakeRequest request) {
        String key = request.header("X-MBX-APIKEY").orElse("");
        boolean known = apiKeys.keySet().stream().anyMatch(k -> MessageDigest.isEqual(
                key.getBytes(StandardCharsets.UTF_8), k.getBytes(StandardCharsets.UTF_8)));
        if (!known) {
            throw new AsterError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
    }

    private static String hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- public payloads ---

    private Object exchangeInfo() {
        ObjectNode root = JSON.createObjectNode().put("timezone", "UTC").put("serverTime", System.currentTimeMillis());
        ArrayNode symbols = root.putArray("symbols");
        for (Instrument instrument : sim.exchange().instruments()) {
            ObjectNode market = symbols.addObject().put("symbol", asterSymbol(instrument))
                    .put("pair", asterSymbol(instrument)).put("contractType", "PERPETUAL").put("status", "TRADING")
                    .put("baseAsset", instrument.venueSymbol()).put("quoteAsset", QUOTE).put("marginAsset", QUOTE)
                    .put("pricePrecision", Math.max(0, instrument.tickSize().stripTrailingZeros().scale()))
                    .put("quantityPrecision", Math.max(0, instrument.lotSize().stripTrailingZeros().scale()));
            ArrayNode filters = market.putArray("filters");
            filters.addObject().put("filterType", "PRICE_FILTER").put("tickSize", plain(instrument.tickSize()))
                    .put("minPrice", plain(instrument.tickSize())).put("maxPrice", "10000000");
            filters.addObject().put("filterType", "LOT_SIZE").put("stepSize", plain(instrument.lotSize()))
                    .put("minQty", plain(instrument.lotSize())).put("maxQty", "100000000");
            filters.addObject().put("filterType", "MIN_NOTIONAL").put("notional", plain(instrument.minNotional()));
        }
        // a delisted market and a quarterly contract, which clients must skip
        symbols.addObject().put("symbol", "OLDUSDT").put("contractType", "PERPETUAL").put("status", "SETTLING")
                .put("quoteAsset", QUOTE).putArray("filters");
        symbols.addObject().put("symbol", "BTCUSDT_251226").put("contractType", "CURRENT_QUARTER")
                .put("status", "TRADING").put("quoteAsset", QUOTE).putArray("filters");
        return root;
    }

    /** Only markets whose interval differs from 8 h are listed, as on Aster. */
    private Object fundingInfo() {
        ArrayNode rows = JSON.createArrayNode();
        for (Instrument instrument : sim.exchange().instruments()) {
            if (instrument.fundingIntervalHours() != 8) {
                rows.addObject().put("symbol", asterSymbol(instrument)).put("interestRate", "0.00010000")
                        .put("time", System.currentTimeMillis())
                        .put("fundingIntervalHours", instrument.fundingIntervalHours())
                        .put("fundingFeeCap", 0.02).put("fundingFeeFloor", -0.02);
            }
        }
        return rows;
    }

    private Object premiumIndex(Optional<String> symbol) {
        ArrayNode rows = JSON.createArrayNode();
        for (FundingRate rate : sim.exchange().fundingRates()) {
            Instrument instrument = instrument(rate.symbol());
            ObjectNode row = rows.addObject().put("symbol", asterSymbol(instrument))
                    .put("markPrice", plain(rate.markPrice())).put("indexPrice", plain(rate.indexPrice()))
                    .put("estimatedSettlePrice", plain(rate.indexPrice())).put("lastFundingRate", plain(rate.rate()))
                    .put("interestRate", "0.00010000")
                    .put("nextFundingTime", rate.nextFundingTime() == null ? 0 : rate.nextFundingTime().toEpochMilli())
                    .put("time", System.currentTimeMillis());
            if (symbol.isPresent() && symbol.get().equals(row.path("symbol").asText())) {
                return row;
            }
        }
        if (symbol.isPresent()) {
            throw new AsterError(400, -1121, "Invalid symbol.");
        }
        return rows;
    }

    private Object tickers() {
        ArrayNode rows = JSON.createArrayNode();
        Map<String, BigDecimal> marks = marks();
        for (MarketStats stats : sim.exchange().marketStats()) {
            Instrument instrument = instrument(stats.symbol());
            BigDecimal mark = marks.get(stats.symbol());
            rows.addObject().put("symbol", asterSymbol(instrument)).put("lastPrice", plain(mark))
                    .put("volume", plain(stats.volume24hUsd().divide(mark, MathContext.DECIMAL64)))
                    .put("quoteVolume", plain(stats.volume24hUsd())).put("closeTime", System.currentTimeMillis());
        }
        return rows;
    }

    /** Open interest in contracts (base units), as Aster reports it. */
    private Object openInterest(String symbol) {
        MarketStats stats = sim.exchange().marketStats().stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AsterError(400, -1121, "Invalid symbol."));
        BigDecimal contracts = stats.openInterestUsd().divide(marks().get(symbol), 3, java.math.RoundingMode.HALF_EVEN);
        return JSON.createObjectNode().put("symbol", asterSymbol(instrument(symbol)))
                .put("openInterest", plain(contracts)).put("time", System.currentTimeMillis());
    }

    private Object depth(String symbol) {
        SimBookFeed.Snapshot snapshot = books.snapshot(symbol);
        ObjectNode root = JSON.createObjectNode().put("lastUpdateId", snapshot.lastUpdateId())
                .put("E", System.currentTimeMillis()).put("T", System.currentTimeMillis());
        levels(root.putArray("bids"), snapshot.book().bids());
        levels(root.putArray("asks"), snapshot.book().asks());
        return root;
    }

    private Object bookTicker(String symbol) {
        OrderBook book = sim.exchange().book(symbol, 1);
        return JSON.createObjectNode().put("symbol", asterSymbol(instrument(symbol)))
                .put("bidPrice", plain(book.bids().get(0).price())).put("bidQty", plain(book.bids().get(0).quantity()))
                .put("askPrice", plain(book.asks().get(0).price())).put("askQty", plain(book.asks().get(0).quantity()))
                .put("time", System.currentTimeMillis());
    }

    // --- private payloads ---

    private Object listenKey(String method) {
        if (method.equals("POST")) {
            String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            listenKeys.add(key);
            return JSON.createObjectNode().put("listenKey", key);
        }
        return JSON.createObjectNode();
    }

    private Object leverageBrackets() {
        ArrayNode rows = JSON.createArrayNode();
        for (Instrument instrument : sim.exchange().instruments()) {
            ObjectNode row = rows.addObject().put("symbol", asterSymbol(instrument));
            row.putArray("brackets").addObject().put("bracket", 1).put("initialLeverage", instrument.maxLeverage())
                    .put("notionalCap", 1_000_000).put("notionalFloor", 0).put("maintMarginRatio", 0.005);
        }
        return rows;
    }

    private OrderRequest orderRequest(Map<String, String> p) {
        String symbol = symbolOf(required(p, "symbol"));
        Side side = switch (required(p, "side")) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new AsterError(400, -1117, "Invalid side.");
        };
        BigDecimal quantity = new BigDecimal(required(p, "quantity"));
        boolean reduceOnly = Boolean.parseBoolean(p.getOrDefault("reduceOnly", "false"));
        String clientId = p.getOrDefault("newClientOrderId", "autoclientid" + nextOrderId.incrementAndGet());
        return switch (required(p, "type")) {
            case "MARKET" -> OrderRequest.market(clientId, symbol, side, quantity, reduceOnly);
            case "LIMIT" -> new OrderRequest(clientId, symbol, side, quantity, new BigDecimal(required(p, "price")),
                    OrderType.LIMIT, switch (required(p, "timeInForce")) {
                        case "GTC" -> TimeInForce.GTC;
                        case "IOC" -> TimeInForce.IOC;
                        case "GTX" -> TimeInForce.POST_ONLY;
                        default -> throw new AsterError(400, -1115, "Invalid timeInForce.");
                    }, reduceOnly);
            default -> throw new AsterError(400, -1116, "Invalid orderType.");
        };
    }

    private Order findOrder(Map<String, String> p) {
        String symbol = symbolOf(required(p, "symbol"));
        if (p.containsKey("origClientOrderId")) {
            return sim.exchange().query(symbol, p.get("origClientOrderId"));
        }
        long orderId = Long.parseLong(required(p, "orderId"));
        return sim.exchange().openOrders(null).stream().filter(o -> orderId(o) == orderId).findFirst()
                .or(() -> orderIds.entrySet().stream().filter(e -> e.getValue() == orderId).findFirst()
                        .map(e -> sim.exchange().query(symbol, clientIdOfVenueOrder(e.getKey(), symbol))))
                .orElseThrow(() -> new OrderNotFoundException("aster", String.valueOf(orderId)));
    }

    private String clientIdOfVenueOrder(String venueOrderId, String symbol) {
        return sim.exchange().fillsSince(Instant.EPOCH).stream().filter(f -> venueOrderId.equals(f.venueOrderId()))
                .map(Fill::clientOrderId).findFirst()
                .orElseThrow(() -> new OrderNotFoundException("aster", venueOrderId));
    }

    private Order cancel(Map<String, String> p) {
        Order order = sim.exchange().cancel(symbolOf(required(p, "symbol")), required(p, "origClientOrderId"));
        if (order.status() != OrderStatus.CANCELED) {
            throw new AsterError(400, -2011, "Unknown order sent.");
        }
        return order;
    }

    private Object openOrders(Map<String, String> p) {
        ArrayNode rows = JSON.createArrayNode();
        String symbol = p.containsKey("symbol") ? symbolOf(p.get("symbol")) : null;
        sim.exchange().openOrders(symbol).forEach(o -> rows.add(order(o)));
        return rows;
    }

    /**
     * {@code allOrders}: the market's orders with a venue order id at or after {@code orderId} (or all), oldest
     * first, at most {@code limit}: the working ones and every one that traded.
     */
    private Object allOrders(Map<String, String> p) {
        String symbol = symbolOf(required(p, "symbol"));
        long from = Long.parseLong(p.getOrDefault("orderId", "0"));
        int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
        Map<Long, Order> orders = new java.util.TreeMap<>();
        sim.exchange().openOrders(symbol).forEach(o -> orders.put(orderId(o), o));
        sim.exchange().fillsSince(Instant.EPOCH).stream().filter(f -> f.symbol().equals(symbol))
                .map(f -> sim.exchange().query(symbol, f.clientOrderId())).forEach(o -> orders.put(orderId(o), o));
        ArrayNode rows = JSON.createArrayNode();
        orders.entrySet().stream().filter(e -> e.getKey() >= from).limit(limit).forEach(e -> rows.add(order(e.getValue())));
        return rows;
    }

    private Object positionRisk() {
        ArrayNode rows = JSON.createArrayNode();
        Map<String, Position> held = new java.util.HashMap<>();
        sim.exchange().positions().forEach(p -> held.put(p.symbol(), p));
        Map<String, BigDecimal> marks = marks();
        for (Instrument instrument : sim.exchange().instruments()) {
            Position p = held.get(instrument.symbol());
            rows.addObject().put("symbol", asterSymbol(instrument))
                    .put("positionAmt", p == null ? "0" : plain(p.quantity()))
                    .put("entryPrice", p == null ? "0.0" : plain(p.entryPrice()))
                    .put("markPrice", plain(marks.get(instrument.symbol())))
                    .put("unRealizedProfit", p == null || p.unrealizedPnl() == null ? "0.00000000" : plain(p.unrealizedPnl()))
                    .put("liquidationPrice", p == null || p.liquidationPrice() == null ? "0" : plain(p.liquidationPrice()))
                    .put("leverage", p == null || p.leverage() == null ? String.valueOf(instrument.maxLeverage())
                            : p.leverage().toBigInteger().toString())
                    .put("marginType", "cross").put("isolatedMargin", "0.00000000").put("positionSide", "BOTH")
                    .put("updateTime", p == null ? 0 : p.timestamp().toEpochMilli());
        }
        return rows;
    }

    private Object balances() {
        ArrayNode rows = JSON.createArrayNode();
        BigDecimal unrealized = sim.exchange().positions().stream().map(Position::unrealizedPnl)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Balance balance : sim.exchange().balances()) {
            rows.addObject().put("accountAlias", "SgsR").put("asset", balance.asset())
                    .put("balance", plain(balance.total().subtract(unrealized))).put("crossWalletBalance",
                            plain(balance.total().subtract(unrealized)))
                    .put("crossUnPnl", plain(unrealized)).put("availableBalance", plain(balance.available()))
                    .put("maxWithdrawAmount", plain(balance.available())).put("marginAvailable", true)
                    .put("updateTime", balance.timestamp().toEpochMilli());
        }
        return rows;
    }

    private Object userTrades(Map<String, String> p) {
        String symbol = symbolOf(required(p, "symbol"));
        Instant since = Instant.ofEpochMilli(Long.parseLong(p.getOrDefault("startTime", "0")));
        ArrayNode rows = JSON.createArrayNode();
        for (Fill fill : sim.exchange().fillsSince(since)) {
            if (!fill.symbol().equals(symbol)) {
                continue;
            }
            rows.addObject().put("symbol", asterSymbol(instrument(symbol))).put("id", tradeId(fill))
                    .put("orderId", orderId(fill.venueOrderId())).put("side", fill.side().name())
                    .put("price", plain(fill.price())).put("qty", plain(fill.quantity()))
                    .put("quoteQty", plain(fill.notional())).put("commission", plain(fill.fee()))
                    .put("commissionAsset", fill.feeCurrency()).put("realizedPnl", "0")
                    .put("maker", fill.liquidity() == Liquidity.MAKER).put("buyer", fill.side() == Side.BUY)
                    .put("positionSide", "BOTH").put("time", fill.timestamp().toEpochMilli());
        }
        return rows;
    }

    private Object leverage(Map<String, String> p) {
        String symbol = symbolOf(required(p, "symbol"));
        int applied = sim.exchange().setLeverage(symbol, Integer.parseInt(required(p, "leverage")));
        return JSON.createObjectNode().put("leverage", applied).put("maxNotionalValue", "1000000")
                .put("symbol", asterSymbol(instrument(symbol)));
    }

    private ObjectNode order(Order order) {
        Instrument instrument = instrument(order.symbol());
        return JSON.createObjectNode().put("orderId", orderId(order)).put("symbol", asterSymbol(instrument))
                .put("status", status(order.status())).put("clientOrderId", order.clientOrderId())
                .put("price", order.price() == null ? "0" : plain(order.price()))
                .put("avgPrice", order.averagePrice() == null ? "0.00000" : plain(order.averagePrice()))
                .put("origQty", plain(order.quantity())).put("executedQty", plain(order.filledQuantity()))
                .put("cumQuote", plain(order.averagePrice() == null ? BigDecimal.ZERO
                        : order.averagePrice().multiply(order.filledQuantity())))
                .put("timeInForce", order.timeInForce() == null ? "GTC" : switch (order.timeInForce()) {
                    case GTC -> "GTC";
                    case IOC -> "IOC";
                    case POST_ONLY -> "GTX";
                })
                .put("type", order.type().name()).put("origType", order.type().name())
                .put("reduceOnly", order.reduceOnly()).put("closePosition", false).put("side", order.side().name())
                .put("positionSide", "BOTH").put("stopPrice", "0").put("workingType", "CONTRACT_PRICE")
                .put("priceProtect", false).put("time", order.createdAt().toEpochMilli())
                .put("updateTime", (order.updatedAt() == null ? order.createdAt() : order.updatedAt()).toEpochMilli());
    }

    // --- streams ---

    private final class Streams implements FakeWebSocketHandler {

        @Override
        public void onOpen(FakeWebSocketSession session) {
            String name = session.path().substring("/ws/".length());
            if (name.endsWith("@depth@100ms") || name.endsWith("@depth")) {
                String asterSymbol = name.substring(0, name.indexOf('@')).toUpperCase(Locale.ROOT);
                String symbol;
                try {
                    symbol = symbolOf(asterSymbol);
                } catch (AsterError e) {
                    session.close();
                    return;
                }
                depthSessions.computeIfAbsent(symbol, s -> ConcurrentHashMap.newKeySet()).add(session);
                session.attributes().put("depth", symbol);
                books.follow(symbol, FakeAster.this::publishDepth);
            } else if (listenKeys.contains(name)) {
                session.attributes().put("listenKey", name);
                userSessions.put(name, session);
            } else {
                session.send("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
                session.close();
            }
        }

        @Override
        public void onText(FakeWebSocketSession session, String text) {
            // raw streams take no commands in this fake
        }

        @Override
        public void onClose(FakeWebSocketSession session) {
            Object symbol = session.attributes().get("depth");
            if (symbol != null) {
                depthSessions.getOrDefault(symbol.toString(), Set.of()).remove(session);
            }
            Object key = session.attributes().get("listenKey");
            if (key != null) {
                userSessions.remove(key.toString(), session);
            }
        }
    }

    private void publishDepth(SimBookFeed.Diff diff) {
        Instrument instrument = instrument(diff.symbol());
        long now = System.currentTimeMillis();
        ObjectNode event = JSON.createObjectNode().put("e", "depthUpdate").put("E", now).put("T", now)
                .put("s", asterSymbol(instrument)).put("U", diff.firstId()).put("u", diff.lastId())
                .put("pu", diff.previousId());
        levels(event.putArray("b"), diff.bids());
        levels(event.putArray("a"), diff.asks());
        String text = event.toString();
        depthSessions.getOrDefault(diff.symbol(), Set.of()).forEach(session -> session.send(text));
    }

    /** Sim order/fill/position events as Aster user-stream events. */
    private final class UserEvents implements OrderEventListener {

        @Override
        public void onOrder(Order order) {
            if (order.status() == OrderStatus.PARTIALLY_FILLED || order.status() == OrderStatus.FILLED) {
                return; // fills are reported by their TRADE events
            }
            String execution = switch (order.status()) {
                case CANCELED -> "CANCELED";
                case REJECTED -> "REJECTED";
                default -> "NEW";
            };
            sendUser(orderEvent(order, execution, null));
        }

        @Override
        public void onFill(Fill fill) {
            Order order = sim.exchange().query(fill.symbol(), fill.clientOrderId());
            sendUser(orderEvent(order, "TRADE", fill));
        }

        @Override
        public void onPosition(Position position) {
            long now = System.currentTimeMillis();
            ObjectNode event = JSON.createObjectNode().put("e", "ACCOUNT_UPDATE").put("E", now).put("T", now);
            ObjectNode account = event.putObject("a").put("m", "ORDER");
            account.putArray("B");
            account.putArray("P").addObject().put("s", asterSymbol(instrument(position.symbol())))
                    .put("pa", plain(position.quantity())).put("ep", plain(position.entryPrice()))
                    .put("cr", "0").put("up", position.unrealizedPnl() == null ? "0" : plain(position.unrealizedPnl()))
                    .put("mt", "cross").put("iw", "0").put("ps", "BOTH");
            sendUser(event.toString());
        }
    }

    private String orderEvent(Order order, String execution, Fill fill) {
        long now = System.currentTimeMillis();
        ObjectNode event = JSON.createObjectNode().put("e", "ORDER_TRADE_UPDATE").put("E", now)
                .put("T", fill == null ? now : fill.timestamp().toEpochMilli());
        ObjectNode o = event.putObject("o").put("s", asterSymbol(instrument(order.symbol())))
                .put("c", order.clientOrderId()).put("S", order.side().name()).put("o", order.type().name())
                .put("f", order.timeInForce() == TimeInForce.POST_ONLY ? "GTX" : order.timeInForce().name())
                .put("q", plain(order.quantity())).put("p", order.price() == null ? "0" : plain(order.price()))
                .put("ap", order.averagePrice() == null ? "0" : plain(order.averagePrice())).put("sp", "0")
                .put("x", execution).put("X", status(order.status())).put("i", orderId(order))
                .put("l", fill == null ? "0" : plain(fill.quantity())).put("z", plain(order.filledQuantity()))
                .put("L", fill == null ? "0" : plain(fill.price())).put("R", order.reduceOnly())
                .put("ps", "BOTH").put("rp", "0");
        if (fill != null) {
            o.put("N", fill.feeCurrency()).put("n", plain(fill.fee())).put("T", fill.timestamp().toEpochMilli())
                    .put("t", tradeId(fill)).put("m", fill.liquidity() == Liquidity.MAKER);
        }
        return event.toString();
    }

    private void sendUser(String text) {
        userSessions.values().forEach(session -> session.send(text));
    }

    // --- helpers ---

    private long orderId(Order order) {
        return orderId(order.venueOrderId() == null ? order.clientOrderId() : order.venueOrderId());
    }

    private long orderId(String simOrderId) {
        return orderIds.computeIfAbsent(simOrderId, id -> nextOrderId.incrementAndGet());
    }

    private static long tradeId(Fill fill) {
        String digits = fill.tradeId().replaceAll("\\D", "");
        return digits.isEmpty() ? Math.abs(fill.tradeId().hashCode()) : Long.parseLong(digits);
    }

    private static String status(OrderStatus status) {
        return switch (status) {
            case NEW, OPEN, UNKNOWN -> "NEW";
            case PARTIALLY_FILLED -> "PARTIALLY_FILLED";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case REJECTED -> "REJECTED";
        };
    }

    private Map<String, BigDecimal> marks() {
        Map<String, BigDecimal> marks = new java.util.HashMap<>();
        sim.exchange().fundingRates().forEach(r -> marks.put(r.symbol(), r.markPrice()));
        return marks;
    }

    private Instrument instrument(String symbol) {
        return sim.exchange().instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AsterError(400, -1121, "Invalid symbol."));
    }

    private static String asterSymbol(Instrument instrument) {
        return instrument.venueSymbol() + QUOTE;
    }

    /** The sim's normalized symbol of an Aster market name. */
    private String symbolOf(String asterSymbol) {
        return sim.exchange().instruments().stream().filter(i -> asterSymbol(i).equals(asterSymbol)).findFirst()
                .map(Instrument::symbol).orElseThrow(() -> new AsterError(400, -1121, "Invalid symbol."));
    }

    private static String param(FakeRequest request, String name) {
        return request.queryParameter(name).orElseThrow(() -> new AsterError(400, -1102,
                "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed."));
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new AsterError(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        return value;
    }

    private static void levels(ArrayNode array, List<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            array.addArray().add(plain(level.price())).add(plain(level.quantity()));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static FakeResponse ok(Object body) {
        return FakeResponse.ok(body.toString());
    }

    private static FakeResponse error(int status, int code, String message) {
        return FakeResponse.json(status, JSON.createObjectNode().put("code", code).put("msg", message).toString());
    }

    /** An Aster error answer: HTTP status, Aster code, message. */
    static final class AsterError extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final int code;

        AsterError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}

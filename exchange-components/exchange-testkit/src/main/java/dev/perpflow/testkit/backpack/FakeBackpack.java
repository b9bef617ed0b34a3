package dev.perpflow.testkit.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchange;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.sim.SimBookFeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A fake Backpack exchange on loopback, backed by one camel-sim venue (prices, funding, matching, positions,
 * collateral). It serves Backpack's REST paths and payload shapes ({@link BackpackFakeJson}), checks
 * {@code X-API-Key}, the Ed25519 {@code X-Signature} over the signee rebuilt from what it received and the
 * {@code X-Timestamp}/{@code X-Window} rules ({@link BackpackFakeAuth}), runs the WebSocket API with depth diffs and
 * the signed private streams ({@link BackpackFakeStreams}), and lets tests script HTTP faults and stream drops through
 * {@link #server()}.
 *
 * <p>Orders keep Backpack's u32 {@code clientId} as the sim's client order id (its decimal text), so the sim refuses
 * a repeated client id as Backpack does. Error answers: {@code {"code":"...","message":"..."}} with
 * {@code INVALID_MARKET} (400), {@code INSUFFICIENT_MARGIN} (400), {@code RESOURCE_NOT_FOUND} (404, also for a cancel
 * or query of an order no longer on the book), {@code INVALID_ORDER} (400) and the authentication answers of
 * {@link BackpackFakeAuth}. FOK orders are treated as IOC (the sim has no fill-or-kill).
 */
public final class FakeBackpack implements AutoCloseable {

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final String apiKey;
    private final BackpackFakeJson json;
    private final BackpackFakeAuth auth;
    private final Map<String, String> knownOrders = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong autoClientIds = new AtomicLong();
    private SimBookFeed books;
    private BackpackFakeStreams streams;
    private FakeVenueServer server;
    private Subscription simEvents;

    /** A fake over {@code sim} that accepts exactly the account whose base64 Ed25519 public key is {@code apiKey}. */
    public FakeBackpack(SimExchangeClient sim, String apiKey) {
        this(sim, apiKey, false);
    }

    /**
     * A fake over its own manual sim venue (BTC, ETH, SOL, 2Z, Z and BONK as {@code kBONK}, hourly funding like
     * Backpack, clock at the current second; move it with {@code sim().advance(...)}).
     */
    public FakeBackpack(String apiKey) {
        this(SimExchangeClient.manual(SimVenueConfig.defaults("backpack-sim", 11).withFundingIntervalHours(1),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), apiKey, true);
    }

    private FakeBackpack(SimExchangeClient sim, String apiKey, boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.apiKey = apiKey;
        this.json = new BackpackFakeJson(sim.exchange());
        this.auth = new BackpackFakeAuth(apiKey, System::currentTimeMillis);
    }

    /** Binds the server on a free loopback port and starts following the sim's account events. */
    public synchronized FakeBackpack start() {
        if (server == null) {
            books = new SimBookFeed(sim, 50);
            streams = new BackpackFakeStreams(json, auth, books, id -> sim.exchange().query(null, id));
            simEvents = sim.subscribeOrders(new KnownOrders());
            server = FakeVenueServer.start("backpack", this::handle, Map.of("/", streams));
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, the REST base URL. */
    public URI baseUrl() {
        return started().baseUrl();
    }

    /** {@code ws://127.0.0.1:<port>}, the WebSocket URL. */
    public URI wsUrl() {
        return started().wsUrl();
    }

    /** The HTTP/WebSocket server: requests seen, scripted faults, stream drops. */
    public FakeVenueServer server() {
        return started();
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** The API key (base64 public key) this fake accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** Backpack's market name of a sim symbol, e.g. {@code SOL_USDC_PERP}, {@code kBONK_USDC_PERP}. */
    public String venueSymbol(String symbol) {
        return BackpackFakeJson.venueSymbol(json.instrument(symbol));
    }

    /** The next depth diff of {@code symbol} is numbered but never sent: a sequence gap. */
    public void skipNextDepthUpdate(String symbol) {
        books.skipNext(symbol);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            simEvents.close();
            books.close();
            server.close();
            server = null;
        }
        if (ownsSim) {
            sim.close();
        }
    }

    private FakeVenueServer started() {
        if (server == null) {
            throw new IllegalStateException("FakeBackpack is not started");
        }
        return server;
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        String route = request.method() + " " + request.path();
        try {
            return switch (route) {
                case "GET /api/v1/markets" -> ok(json.markets());
                case "GET /api/v1/markPrices" -> ok(json.markPrices(request.queryParameter("symbol")));
                case "GET /api/v1/tickers" -> ok(json.tickers());
                case "GET /api/v1/openInterest" -> ok(json.openInterest(request.queryParameter("symbol")));
                case "GET /api/v1/depth" -> ok(depth(required(request.queryParameter("symbol"), "symbol")));
                case "POST /api/v1/order" -> signed(request, "orderExecute", this::execute);
                case "GET /api/v1/order" -> signed(request, "orderQuery", (q, b) -> json.order(openOrder(q)));
                case "DELETE /api/v1/order" -> signed(request, "orderCancel", (q, b) -> json.order(cancel(b)));
                case "GET /api/v1/orders" -> signed(request, "orderQueryAll", (q, b) -> openOrders(q));
                case "GET /wapi/v1/history/orders" -> signed(request, "orderHistoryQueryAll", (q, b) -> history(q));
                case "GET /api/v1/position" -> signed(request, "positionQuery", (q, b) -> positions());
                case "GET /api/v1/capital/collateral" -> signed(request, "collateralQuery", (q, b) -> json.collateral());
                case "GET /api/v1/capital" -> signed(request, "balanceQuery", (q, b) -> json.capital());
                case "GET /wapi/v1/history/fills" -> signed(request, "fillHistoryQueryAll", (q, b) -> fills(q));
                case "PATCH /api/v1/account" -> signed(request, "accountUpdate", (q, b) -> leverage(b));
                default -> error(404, "RESOURCE_NOT_FOUND", "Not found: " + route);
            };
        } catch (BackpackFakeError e) {
            return error(e.status, e.code, e.getMessage());
        } catch (MarketNotFoundException e) {
            return error(400, "INVALID_MARKET", "Invalid market");
        } catch (InsufficientMarginException e) {
            return error(400, "INSUFFICIENT_MARGIN", "Insufficient margin");
        } catch (OrderNotFoundException e) {
            return error(404, "RESOURCE_NOT_FOUND", "Order not found");
        } catch (OrderRejectedException e) {
            return error(400, "INVALID_ORDER", e.reason());
        } catch (ExchangeException e) {
            return error(400, "INVALID_ORDER", e.getMessage());
        }
    }

    /** Verifies the request as Backpack does, then runs {@code action} with the query and JSON body. */
    private FakeResponse signed(FakeRequest request, String instruction,
            BiFunction<Map<String, String>, JsonNode, Object> action) {
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        JsonNode body = null;
        if (request.body().length > 0) {
            try {
                body = BackpackFakeJson.JSON.readTree(request.body());
            } catch (IOException e) {
                throw BackpackFakeError.badRequest("Body is not JSON");
            }
            if (!body.isObject()) {
                throw BackpackFakeError.badRequest("Body must be a JSON object");
            }
        }
        auth.verify(instruction, request.headers(), query, body);
        Object answer = action.apply(query, body == null ? BackpackFakeJson.JSON.createObjectNode() : body);
        return answer == null ? new FakeResponse(200, Map.of(), "") : ok(answer);
    }

    private ObjectNode depth(String venueSymbol) {
        String symbol = json.symbolOf(venueSymbol);
        SimBookFeed.Snapshot snapshot = books.snapshot(symbol);
        return json.depth(snapshot.book(), snapshot.lastUpdateId());
    }

    private ObjectNode execute(Map<String, String> query, JsonNode body) {
        String symbol = json.symbolOf(text(body, "symbol"));
        Side side = switch (text(body, "side")) {
            case "Bid" -> Side.BUY;
            case "Ask" -> Side.SELL;
            default -> throw BackpackFakeError.badRequest("Invalid side");
        };
        String clientId = body.hasNonNull("clientId") ? clientId(body.get("clientId"))
                : "auto-" + autoClientIds.incrementAndGet();
        BigDecimal quantity = decimal(body, "quantity");
        boolean reduceOnly = body.path("reduceOnly").asBoolean(false);
        OrderRequest request = switch (text(body, "orderType")) {
            case "Market" -> OrderRequest.market(clientId, symbol, side, quantity, reduceOnly);
            case "Limit" -> {
                TimeInForce tif = body.path("postOnly").asBoolean(false) ? TimeInForce.POST_ONLY
                        : switch (body.path("timeInForce").asText("GTC")) {
                            case "GTC" -> TimeInForce.GTC;
                            case "IOC", "FOK" -> TimeInForce.IOC;
                            default -> throw BackpackFakeError.badRequest("Invalid timeInForce");
                        };
                yield new OrderRequest(clientId, symbol, side, quantity, decimal(body, "price"), OrderType.LIMIT, tif,
                        reduceOnly);
            }
            default -> throw BackpackFakeError.badRequest("Invalid orderType");
        };
        Order placed = sim.exchange().submit(request);
        knownOrders.putIfAbsent(clientId, symbol);
        return json.order(placed);
    }

    /** An order resting on the book, by {@code clientId} or {@code orderId}; others are not found, as on Backpack. */
    private Order openOrder(Map<String, String> query) {
        Order order = find(json.symbolOf(required(Optional.ofNullable(query.get("symbol")), "symbol")),
                query.get("clientId"), query.get("orderId"));
        if (!BackpackFakeJson.isWorking(order)) {
            throw new OrderNotFoundException("backpack", order.clientOrderId());
        }
        return order;
    }

    private Order cancel(JsonNode body) {
        String symbol = json.symbolOf(text(body, "symbol"));
        Order order = find(symbol, body.hasNonNull("clientId") ? clientId(body.get("clientId")) : null,
                body.hasNonNull("orderId") ? body.get("orderId").asText() : null);
        if (!BackpackFakeJson.isWorking(order)) {
            throw new OrderNotFoundException("backpack", order.clientOrderId());
        }
        return sim.exchange().cancel(symbol, order.clientOrderId());
    }

    private Order find(String symbol, String clientId, String orderId) {
        if (clientId != null) {
            return sim.exchange().query(symbol, clientId(BackpackFakeJson.JSON.getNodeFactory().textNode(clientId)));
        }
        if (orderId == null) {
            throw BackpackFakeError.badRequest("Either clientId or orderId is required");
        }
        for (String known : List.copyOf(knownOrders.keySet())) {
            Order order = sim.exchange().query(null, known);
            if (order.symbol().equals(symbol) && json.orderId(order).equals(orderId)) {
                return order;
            }
        }
        throw new OrderNotFoundException("backpack", orderId);
    }

    private ArrayNode openOrders(Map<String, String> query) {
        String symbol = query.containsKey("symbol") ? json.symbolOf(query.get("symbol")) : null;
        ArrayNode rows = BackpackFakeJson.JSON.createArrayNode();
        sim.exchange().openOrders(symbol).forEach(order -> rows.add(json.order(order)));
        return rows;
    }

    /** Orders of a market newest first, ended ones included ({@code limit}, {@code offset}). */
    private ArrayNode history(Map<String, String> query) {
        String symbol = query.containsKey("symbol") ? json.symbolOf(query.get("symbol")) : null;
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<Map.Entry<String, String>> orders = new ArrayList<>(List.copyOf(knownOrders.entrySet()));
        Collections.reverse(orders);
        ArrayNode rows = BackpackFakeJson.JSON.createArrayNode();
        orders.stream().filter(e -> symbol == null || e.getValue().equals(symbol)).skip(offset).limit(limit)
                .forEach(e -> rows.add(json.order(sim.exchange().query(e.getValue(), e.getKey()))));
        return rows;
    }

    private ArrayNode positions() {
        ArrayNode rows = BackpackFakeJson.JSON.createArrayNode();
        sim.exchange().positions().forEach(p -> rows.add(json.position(p)));
        return rows;
    }

    /** Fills from {@code from} (ms) oldest first, paged by {@code limit}/{@code offset}, optionally of one market. */
    private ArrayNode fills(Map<String, String> query) {
        Instant from = Instant.ofEpochMilli(Long.parseLong(query.getOrDefault("from", "0")));
        String symbol = query.containsKey("symbol") ? json.symbolOf(query.get("symbol")) : null;
        int limit = Math.min(1000, Integer.parseInt(query.getOrDefault("limit", "100")));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        ArrayNode rows = BackpackFakeJson.JSON.createArrayNode();
        sim.exchange().fillsSince(from).stream().filter(f -> symbol == null || f.symbol().equals(symbol))
                .skip(offset).limit(limit).forEach(f -> rows.add(json.fill(f)));
        return rows;
    }

    /** {@code leverageLimit} is account-wide on Backpack: applied to every market, within each market's maximum. */
    private Object leverage(JsonNode body) {
        int leverage;
        try {
            leverage = new BigDecimal(text(body, "leverageLimit")).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw BackpackFakeError.badRequest("Invalid leverageLimit");
        }
        if (leverage < 1) {
            throw BackpackFakeError.badRequest("Invalid leverageLimit");
        }
        for (Instrument instrument : sim.exchange().instruments()) {
            sim.exchange().setLeverage(instrument.symbol(), leverage);
        }
        return null;
    }

    /** Remembers orders placed on the sim directly too (other sessions of the same account). */
    private final class KnownOrders implements dev.perpflow.exchange.OrderEventListener {

        @Override
        public void onOrder(Order order) {
            knownOrders.putIfAbsent(order.clientOrderId(), order.symbol());
            streams.onOrder(order);
        }

        @Override
        public void onFill(Fill fill) {
            streams.onFill(fill);
        }

        @Override
        public void onPosition(dev.perpflow.exchange.model.Position position) {
            streams.onPosition(position);
        }
    }

    // --- helpers ---

    private static String clientId(JsonNode value) {
        try {
            long id = Long.parseLong(value.asText());
            if (id < 0 || id > 0xFFFF_FFFFL) {
                throw BackpackFakeError.badRequest("clientId must be a u32");
            }
            return Long.toString(id);
        } catch (NumberFormatException e) {
            throw BackpackFakeError.badRequest("clientId must be a u32");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw BackpackFakeError.badRequest("Missing " + field);
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        try {
            return new BigDecimal(text(body, field));
        } catch (NumberFormatException e) {
            throw BackpackFakeError.badRequest("Invalid " + field);
        }
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isEmpty()).orElseThrow(() -> BackpackFakeError.badRequest("Missing " + name));
    }

    private static FakeResponse ok(Object body) {
        return FakeResponse.ok(body.toString());
    }

    private static FakeResponse error(int status, String code, String message) {
        return FakeResponse.json(status, BackpackFakeJson.JSON.createObjectNode().put("code", code)
                .put("message", message).toString());
    }
}

package dev.perpflow.testkit.paradex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Fill;
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
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fake Paradex on loopback (REST and the JSON-RPC WebSocket under {@code /v1}), backed by one camel-sim venue. It
 * serves Paradex's paths and payload shapes ({@link ParadexFakeJson}), checks what Paradex checks: the
 * {@code POST /auth} STARK signature over the SNIP-12 {@code Request} of the configured account (headers
 * {@code PARADEX-STARKNET-ACCOUNT}, {@code -SIGNATURE}, {@code PARADEX-TIMESTAMP}, {@code PARADEX-SIGNATURE-EXPIRATION}),
 * bearer JWTs that expire, and every order's signature over its SNIP-12 {@code Order} ({@link StarkSignatureCheck},
 * written apart from the client); it answers with Paradex's error body {@code {"error":CODE,"message":...}}. The
 * system state ({@link #systemState}) plays the daily maintenance window: {@code cancel_only} refuses new orders with
 * {@code SYSTEM_STATUS_CANCEL_ONLY}, {@code post_only} refuses all but post-only ones with
 * {@code SYSTEM_STATUS_POST_ONLY}; cancels always go through. Faults and stream drops through {@link #server()}.
 */
public final class FakeParadex implements AutoCloseable {

    public static final String CHAIN_ID = "PRIVATE_SN_PARACLEAR_MAINNET";

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final BigInteger account;
    private final BigInteger publicKey;
    private final ParadexFakeJson json;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final LongSupplier clock = System::currentTimeMillis;
    private volatile String systemState = "ok";
    private volatile Duration jwtLifetime = Duration.ofMinutes(5);
    private SimBookFeed books;
    private ParadexFakeStreams streams;
    private FakeVenueServer server;
    private Subscription simEvents;

    /** A fake over {@code sim} that accepts exactly the StarkNet account {@code l2Address} signing with {@code l2PrivateKey}. */
    public FakeParadex(SimExchangeClient sim, String l2Address, String l2PrivateKey) {
        this(sim, l2Address, l2PrivateKey, false);
    }

    /** A fake over its own manual sim venue (8-hour funding, as Paradex quotes it). */
    public FakeParadex(String l2Address, String l2PrivateKey) {
        this(SimExchangeClient.manual(SimVenueConfig.defaults("paradex-sim", 21).withFundingIntervalHours(8),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), l2Address, l2PrivateKey, true);
    }

    private FakeParadex(SimExchangeClient sim, String l2Address, String l2PrivateKey, boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.account = hex(l2Address);
        this.publicKey = StarkSignatureCheck.publicKey(hex(l2PrivateKey));
        this.json = new ParadexFakeJson(sim.exchange());
    }

    public synchronized FakeParadex start() {
        if (server == null) {
            books = new SimBookFeed(sim, 50);
            streams = new ParadexFakeStreams(json, books, this::tokenValid, accountHex());
            simEvents = sim.subscribeOrders(streams);
            server = FakeVenueServer.start("paradex", this::handle, Map.of("/v1", streams));
        }
        return this;
    }

    /** The REST base URL, {@code http://127.0.0.1:<port>/v1}. */
    public URI restUrl() {
        return URI.create(started().baseUrl() + "/v1");
    }

    /** The WebSocket URL, {@code ws://127.0.0.1:<port>/v1}. */
    public URI wsUrl() {
        return URI.create(started().wsUrl() + "/v1");
    }

    public FakeVenueServer server() {
        return started();
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** Paradex's market name of a sim symbol, e.g. {@code ETH-USD-PERP}. */
    public String market(String symbol) {
        return ParadexFakeJson.market(json.instrument(symbol));
    }

    /** Whether an open WebSocket session has subscribed to {@code channel} (e.g. {@code fills.ALL}). */
    public boolean subscribed(String channel) {
        return streams != null && streams.subscribed(channel);
    }

    /** Sets {@code /system/state}: {@code ok}, {@code cancel_only}, {@code post_only} or {@code maintenance}. */
    public void systemState(String state) {
        this.systemState = state;
    }

    /** How long a JWT is accepted (Paradex: about 5 minutes). */
    public void jwtLifetime(Duration lifetime) {
        this.jwtLifetime = lifetime;
    }

    /** Every JWT handed out so far stops being accepted (as after its expiry). */
    public void expireTokens() {
        tokens.clear();
    }

    /** How many JWTs were handed out. */
    public int authCount() {
        return (int) server().requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/auth"))
                .count();
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
            throw new IllegalStateException("FakeParadex is not started");
        }
        return server;
    }

    private String accountHex() {
        return "0x" + account.toString(16);
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        String path = request.path().startsWith("/v1") ? request.path().substring(3) : "?";
        String route = request.method() + " " + path;
        try {
            if (route.startsWith("GET /orderbook/")) {
                return ok(orderBook(path.substring("/orderbook/".length()),
                        Integer.parseInt(request.queryParameter("depth").orElse("20"))));
            }
            if (route.startsWith("GET /bbo/")) {
                return ok(bbo(path.substring("/bbo/".length())));
            }
            if (route.startsWith("GET /orders/by_client_id/")) {
                authorize(request);
                return ok(json.order(byClientId(clientIdOf(path)), accountHex()));
            }
            if (route.startsWith("DELETE /orders/by_client_id/")) {
                authorize(request);
                cancel(clientIdOf(path));
                return new FakeResponse(204, Map.of(), "");
            }
            if (route.startsWith("POST /account/margin/")) {
                authorize(request);
                return ok(margin(path.substring("/account/margin/".length()), body(request)));
            }
            return switch (route) {
                case "GET /system/config" -> ok(ParadexFakeJson.JSON.createObjectNode().put("starknet_chain_id",
                        CHAIN_ID).put("paraclear_decimals", 8));
                case "GET /system/state" -> ok(ParadexFakeJson.JSON.createObjectNode().put("status", systemState));
                case "GET /markets" -> ok(json.markets());
                case "GET /markets/summary" -> ok(json.summaries());
                case "POST /auth" -> ok(auth(request));
                case "POST /orders" -> {
                    authorize(request);
                    yield ok(submit(body(request)));
                }
                case "GET /orders" -> {
                    authorize(request);
                    yield ok(openOrders(request.queryParameter("market")));
                }
                case "GET /fills" -> {
                    authorize(request);
                    yield ok(fills(request));
                }
                case "GET /positions" -> {
                    authorize(request);
                    ArrayNode rows = ParadexFakeJson.JSON.createArrayNode();
                    sim.exchange().positions().forEach(p -> rows.add(json.position(p, accountHex())));
                    yield ok(ParadexFakeJson.results(rows));
                }
                case "GET /account" -> {
                    authorize(request);
                    yield ok(json.account(accountHex()));
                }
                default -> error(404, "NOT_FOUND", "not found: " + route);
            };
        } catch (ParadexFakeError e) {
            return error(e.status, e.code, e.getMessage());
        } catch (MarketNotFoundException e) {
            return error(400, "MARKET_NOT_FOUND", "market not found");
        } catch (InsufficientMarginException e) {
            return error(400, "VALIDATION_ERROR", "insufficient margin: " + e.reason());
        } catch (OrderNotFoundException e) {
            return error(404, "CLIENT_ORDER_ID_NOT_FOUND", "client order id not found");
        } catch (OrderRejectedException e) {
            return error(400, "VALIDATION_ERROR", e.reason());
        } catch (ExchangeException e) {
            return error(400, "VALIDATION_ERROR", e.getMessage());
        }
    }

    /** {@code POST /auth}: the account, a fresh timestamp and a STARK signature over the SNIP-12 Request. */
    private ObjectNode auth(FakeRequest request) {
        String accountHeader = request.header("PARADEX-STARKNET-ACCOUNT").orElseThrow(() ->
                new ParadexFakeError(400, "INVALID_STARKNET_ADDRESS", "missing PARADEX-STARKNET-ACCOUNT"));
        if (!hex(accountHeader).equals(account)) {
            throw new ParadexFakeError(401, "UNAUTHORIZED_ERROR", "unknown account");
        }
        long timestamp = number(request.header("PARADEX-TIMESTAMP"), "PARADEX-TIMESTAMP");
        long expiration = number(request.header("PARADEX-SIGNATURE-EXPIRATION"), "PARADEX-SIGNATURE-EXPIRATION");
        long now = clock.getAsLong() / 1000;
        if (Math.abs(timestamp - now) > 60 || expiration <= now) {
            throw new ParadexFakeError(400, "INVALID_TIMESTAMP", "timestamp or expiration out of range");
        }
        Map<String, String> members = new LinkedHashMap<>();
        members.put("method", "POST");
        members.put("path", "/v1/auth");
        members.put("body", "");
        members.put("timestamp", Long.toString(timestamp));
        members.put("expiration", Long.toString(expiration));
        requireSignature(request.header("PARADEX-STARKNET-SIGNATURE").orElse(""), "Request", members,
                "INVALID_STARKNET_SIGNATURE");
        String token = "fake-jwt-" + UUID.randomUUID();
        tokens.put(token, Instant.now().plus(jwtLifetime));
        return ParadexFakeJson.JSON.createObjectNode().put("jwt_token", token);
    }

    private boolean tokenValid(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    private void authorize(FakeRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.startsWith("Bearer ") || !tokenValid(header.substring("Bearer ".length()))) {
            throw new ParadexFakeError(401, "INVALID_TOKEN", "invalid or expired bearer jwt");
        }
    }

    private void requireSignature(String signature, String type, Map<String, String> members, String code) {
        BigInteger[] rs = parseSignature(signature, code);
        BigInteger hash = StarkSignatureCheck.messageHash(CHAIN_ID, account, type, members);
        if (!StarkSignatureCheck.verify(publicKey, hash, rs[0], rs[1])) {
            throw new ParadexFakeError(400, code, "signature does not verify");
        }
    }

    private static BigInteger[] parseSignature(String signature, String code) {
        try {
            JsonNode parts = ParadexFakeJson.JSON.readTree(signature);
            if (parts == null || !parts.isArray() || parts.size() != 2) {
                throw new ParadexFakeError(400, code, "signature must be [r, s]");
            }
            return new BigInteger[] {StarkSignatureCheck.felt(parts.get(0).asText()),
                StarkSignatureCheck.felt(parts.get(1).asText())};
        } catch (IOException | NumberFormatException e) {
            throw new ParadexFakeError(400, code, "signature must be [r, s]");
        }
    }

    private ObjectNode submit(JsonNode body) {
        String market = text(body, "market");
        String symbol = json.symbolOf(market);
        String sideText = text(body, "side");
        String type = text(body, "type");
        BigDecimal size = decimal(text(body, "size"), "size");
        BigDecimal price = type.equals("LIMIT") ? decimal(text(body, "price"), "price") : null;
        String instruction = body.path("instruction").asText("GTC");
        String clientId = text(body, "client_id");
        long signatureTimestamp = body.path("signature_timestamp").asLong(0);
        if (signatureTimestamp <= 0) {
            throw new ParadexFakeError(400, "VALIDATION_ERROR", "signature_timestamp is required");
        }
        Map<String, String> members = new LinkedHashMap<>();
        members.put("timestamp", Long.toString(signatureTimestamp));
        members.put("market", market);
        members.put("side", sideText.equals("BUY") ? "1" : "2");
        members.put("orderType", type);
        members.put("size", chain(size));
        members.put("price", price == null ? "0" : chain(price));
        requireSignature(body.path("signature").asText(""), "Order", members, "INVALID_ORDER_SIGNATURE");
        // the maintenance window comes after the signature check, as the venue validates the request first
        if (systemState.equals("cancel_only") || systemState.equals("maintenance")) {
            throw new ParadexFakeError(400, "SYSTEM_STATUS_CANCEL_ONLY", "system is in cancel-only mode");
        }
        if (systemState.equals("post_only") && !instruction.equals("POST_ONLY")) {
            throw new ParadexFakeError(400, "SYSTEM_STATUS_POST_ONLY", "system is in post-only mode");
        }
        boolean reduceOnly = false;
        for (JsonNode flag : body.path("flags")) {
            reduceOnly |= flag.asText().equals("REDUCE_ONLY");
        }
        Side side = sideText.equals("BUY") ? Side.BUY : Side.SELL;
        if (findOrder(clientId).isPresent()) {
            throw new ParadexFakeError(400, "DUPLICATED_CLIENT_ID", "client id already used");
        }
        OrderRequest request = type.equals("MARKET") ? OrderRequest.market(clientId, symbol, side, size, reduceOnly)
                : new OrderRequest(clientId, symbol, side, size, price, OrderType.LIMIT, switch (instruction) {
                    case "POST_ONLY" -> TimeInForce.POST_ONLY;
                    case "IOC" -> TimeInForce.IOC;
                    default -> TimeInForce.GTC;
                }, reduceOnly);
        return json.order(sim.exchange().submit(request), accountHex());
    }

    private Optional<Order> findOrder(String clientId) {
        try {
            return Optional.of(sim.exchange().query(null, clientId));
        } catch (OrderNotFoundException e) {
            return Optional.empty();
        }
    }

    private Order byClientId(String clientId) {
        return findOrder(clientId).orElseThrow(() -> new ParadexFakeError(404, "CLIENT_ORDER_ID_NOT_FOUND",
                "client order id not found"));
    }

    private void cancel(String clientId) {
        Order order = byClientId(clientId);
        if (!order.status().isWorking()) {
            throw new ParadexFakeError(400, "ORDER_IS_CLOSED", "order is closed");
        }
        sim.exchange().cancel(order.symbol(), clientId);
    }

    private ObjectNode openOrders(Optional<String> market) {
        String symbol = market.map(json::symbolOf).orElse(null);
        ArrayNode rows = ParadexFakeJson.JSON.createArrayNode();
        sim.exchange().openOrders(symbol).forEach(o -> rows.add(json.order(o, accountHex())));
        return ParadexFakeJson.results(rows);
    }

    /** Fills from {@code start_at} oldest first, paged by {@code page_size} with an offset cursor. */
    private ObjectNode fills(FakeRequest request) {
        Instant from = Instant.ofEpochMilli(Long.parseLong(request.queryParameter("start_at").orElse("0")));
        int size = Math.min(100, Integer.parseInt(request.queryParameter("page_size").orElse("100")));
        int offset = Integer.parseInt(request.queryParameter("cursor").orElse("0"));
        List<Fill> all = sim.exchange().fillsSince(from);
        ArrayNode rows = ParadexFakeJson.JSON.createArrayNode();
        all.stream().skip(offset).limit(size).forEach(f -> rows.add(json.fill(f, accountHex())));
        ObjectNode page = ParadexFakeJson.results(rows);
        if (offset + size < all.size()) {
            page.put("next", Integer.toString(offset + size));
        } else {
            page.putNull("next");
        }
        return page;
    }

    private ObjectNode orderBook(String market, int depth) {
        String symbol = json.symbolOf(market);
        SimBookFeed.Snapshot snapshot = books.snapshot(symbol);
        return json.orderBook(market, snapshot.book(), snapshot.lastUpdateId(), depth);
    }

    private ObjectNode bbo(String market) {
        var book = sim.exchange().book(json.symbolOf(market), 1);
        ObjectNode bbo = ParadexFakeJson.JSON.createObjectNode().put("market", market);
        if (!book.bids().isEmpty()) {
            bbo.put("bid", ParadexFakeJson.plain(book.bids().get(0).price()))
                    .put("bid_size", ParadexFakeJson.plain(book.bids().get(0).quantity()));
        }
        if (!book.asks().isEmpty()) {
            bbo.put("ask", ParadexFakeJson.plain(book.asks().get(0).price()))
                    .put("ask_size", ParadexFakeJson.plain(book.asks().get(0).quantity()));
        }
        return bbo.put("last_updated_at", sim.exchange().now().toEpochMilli());
    }

    private ObjectNode margin(String market, JsonNode body) {
        int leverage = body.path("leverage").asInt(0);
        if (leverage < 1) {
            throw new ParadexFakeError(400, "VALIDATION_ERROR", "invalid leverage");
        }
        int applied = sim.exchange().setLeverage(json.symbolOf(market), leverage);
        return ParadexFakeJson.JSON.createObjectNode().put("account", accountHex()).put("market", market)
                .put("leverage", applied).put("margin_type", body.path("margin_type").asText("CROSS"));
    }

    // --- helpers ---

    private static JsonNode body(FakeRequest request) {
        try {
            JsonNode body = ParadexFakeJson.JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new ParadexFakeError(400, "BINDING_ERROR", "body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new ParadexFakeError(400, "BINDING_ERROR", "body is not JSON");
        }
    }

    private static String clientIdOf(String path) {
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    /** {@code int(d × 10^8)}, as the venue rebuilds the signed order. */
    private static String chain(BigDecimal value) {
        return value.movePointRight(8).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new ParadexFakeError(400, "VALIDATION_ERROR", field + " is required");
        }
        return value.asText();
    }

    private static BigDecimal decimal(String text, String field) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ParadexFakeError(400, "VALIDATION_ERROR", "invalid " + field);
        }
    }

    private static long number(Optional<String> value, String name) {
        try {
            return Long.parseLong(value.orElseThrow(() -> new ParadexFakeError(400, "INVALID_TIMESTAMP",
                    "missing " + name)));
        } catch (NumberFormatException e) {
            throw new ParadexFakeError(400, "INVALID_TIMESTAMP", "invalid " + name);
        }
    }

    private static BigInteger hex(String value) {
        String digits = value.startsWith("0x") ? value.substring(2) : value;
        return new BigInteger(digits, 16);
    }

    private static FakeResponse ok(Object body) {
        return FakeResponse.ok(body.toString());
    }

    private static FakeResponse error(int status, String code, String message) {
        return FakeResponse.json(status, ParadexFakeJson.JSON.createObjectNode().put("error", code)
                .put("message", message).toString());
    }
}

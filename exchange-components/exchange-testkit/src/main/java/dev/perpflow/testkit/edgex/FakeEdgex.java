package dev.perpflow.testkit.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake EdgeX (API v2) on loopback, backed by one camel-sim venue: {@code /api/v2/public/...} and
 * {@code /api/v2/private/...} with EdgeX's {@code {"code","data","msg"}} wrapper ({@link EdgexFakeJson}), the public
 * quote WebSocket and the signed private one ({@link EdgexFakeStreams}). It checks what EdgeX checks: the API key,
 * passphrase, a fresh timestamp and the HMAC of every private request (a bad one: HTTP 400 with code
 * {@code INVALID_SIGNATURE}), the account id, and each order's EIP-712 signature by the account's trading key over the
 * amounts rebuilt from the body (a bad one: HTTP 200 with code {@code INVALID_L2_SIGNATURE}); refusals of the sim are
 * HTTP 200 wrappers with an error code ({@code INSUFFICIENT_MARGIN}, {@code ORDER_REJECTED}).
 */
public final class FakeEdgex implements AutoCloseable {

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final long accountId;
    private final String apiKey;
    private final String passphrase;
    private final String secret;
    private final EdgexFakeSignatures signatures;
    private final EdgexFakeJson json;
    private SimBookFeed books;
    private EdgexFakeStreams streams;
    private FakeVenueServer server;
    private Subscription simEvents;

    public FakeEdgex(SimExchangeClient sim, long accountId, String apiKey, String passphrase, String secret,
            String tradingPrivateKey) {
        this(sim, accountId, apiKey, passphrase, secret, tradingPrivateKey, false);
    }

    /** A fake over its own manual sim venue (4-hour funding). */
    public FakeEdgex(long accountId, String apiKey, String passphrase, String secret, String tradingPrivateKey) {
        this(SimExchangeClient.manual(SimVenueConfig.defaults("edgex-sim", 31).withFundingIntervalHours(4),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), accountId, apiKey, passphrase, secret,
                tradingPrivateKey, true);
    }

    private FakeEdgex(SimExchangeClient sim, long accountId, String apiKey, String passphrase, String secret,
            String tradingPrivateKey, boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.accountId = accountId;
        this.apiKey = apiKey;
        this.passphrase = passphrase;
        this.secret = secret;
        this.signatures = new EdgexFakeSignatures(tradingPrivateKey);
        this.json = new EdgexFakeJson(sim.exchange());
    }

    public synchronized FakeEdgex start() {
        if (server == null) {
            books = new SimBookFeed(sim, 50);
            streams = new EdgexFakeStreams(json, books, this::streamAuthorized, accountId);
            simEvents = sim.subscribeOrders(streams);
            server = FakeVenueServer.start("edgex", this::handle, Map.of("/api/v1/public/ws", streams,
                    "/api/v1/private/ws", streams));
        }
        return this;
    }

    public URI restUrl() {
        return started().baseUrl();
    }

    public URI wsUrl() {
        return started().wsUrl();
    }

    public FakeVenueServer server() {
        return started();
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** EdgeX's contract id of a sim symbol. */
    public String contractId(String symbol) {
        return json.contractId(symbol);
    }

    /** How many pongs clients sent back to the fake's pings. */
    public int pongs() {
        return streams.pongs();
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
            throw new IllegalStateException("FakeEdgex is not started");
        }
        return server;
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        String route = request.method() + " " + request.path();
        try {
            Object answer = switch (route) {
                case "GET /api/v2/public/meta/getMetaData" -> json.metadata();
                case "GET /api/v2/public/quote/getTicker" -> json.tickers(request.queryParameter("contractId")
                        .orElse(null));
                case "GET /api/v2/public/quote/getDepth" -> depth(request);
                case "GET /api/v2/public/funding/getFundingRatePage" -> fundingPage(request);
                case "POST /api/v2/private/order/createOrder" -> createOrder(authorized(request));
                case "POST /api/v2/private/order/cancelOrderByClientOrderId" -> cancel(authorized(request));
                case "GET /api/v2/private/order/getOrderByClientOrderId" -> {
                    authorized(request);
                    ArrayNode rows = EdgexFakeJson.JSON.createArrayNode();
                    for (String id : request.queryParameter("clientOrderIdList").orElse("").split(",")) {
                        find(id).ifPresent(o -> rows.add(json.order(o, accountId)));
                    }
                    yield EdgexFakeJson.ok(rows);
                }
                case "GET /api/v2/private/order/getActiveOrderPage" -> {
                    authorized(request);
                    String symbol = request.queryParameter("filterContractIdList").map(json::symbolOf).orElse(null);
                    ArrayNode rows = EdgexFakeJson.JSON.createArrayNode();
                    sim.exchange().openOrders(symbol).forEach(o -> rows.add(json.order(o, accountId)));
                    ObjectNode page = EdgexFakeJson.JSON.createObjectNode();
                    page.set("dataList", rows);
                    yield EdgexFakeJson.ok(page.put("nextPageOffsetData", ""));
                }
                case "GET /api/v2/private/order/getHistoryOrderFillTransactionPage" -> fills(request);
                case "GET /api/v2/private/account/getAccountAsset" -> {
                    authorized(request);
                    yield json.accountAsset();
                }
                case "POST /api/v2/private/account/updateLeverageSetting" -> {
                    JsonNode body = authorized(request);
                    int leverage = Integer.parseInt(body.path("leverage").asText("0"));
                    sim.exchange().setLeverage(json.symbolOf(body.path("contractId").asText()), leverage);
                    yield EdgexFakeJson.ok(EdgexFakeJson.JSON.createObjectNode());
                }
                default -> throw new EdgexFakeError(404, "NOT_FOUND", "not found: " + route);
            };
            return FakeResponse.ok(answer.toString());
        } catch (EdgexFakeError e) {
            return FakeResponse.json(e.status, EdgexFakeJson.error(e.code, e.getMessage()).toString());
        } catch (InsufficientMarginException e) {
            return FakeResponse.ok(EdgexFakeJson.error("INSUFFICIENT_MARGIN", e.reason()).toString());
        } catch (OrderNotFoundException e) {
            return FakeResponse.ok(EdgexFakeJson.error("ORDER_NOT_FOUND", "order not found").toString());
        } catch (OrderRejectedException e) {
            return FakeResponse.ok(EdgexFakeJson.error("ORDER_REJECTED", e.reason()).toString());
        } catch (ExchangeException | IllegalArgumentException e) {
            return FakeResponse.ok(EdgexFakeJson.error("INVALID_PARAM", String.valueOf(e.getMessage())).toString());
        }
    }

    /** Checks the API key headers and HMAC of a private request; answers its JSON body (empty for a GET). */
    private JsonNode authorized(FakeRequest request) {
        String timestamp = request.header("X-edgeX-Timestamp").orElse("");
        String content;
        JsonNode body = EdgexFakeJson.JSON.createObjectNode();
        if (request.method().equals("GET")) {
            TreeMap<String, String> sorted = new TreeMap<>();
            request.query().forEach((name, values) -> sorted.put(name, values.isEmpty() ? "" : values.get(0)));
            List<String> pairs = new ArrayList<>();
            sorted.forEach((name, value) -> pairs.add(name + "=" + value));
            content = String.join("&", pairs);
            if (!String.valueOf(accountId).equals(sorted.get("accountId"))) {
                throw new EdgexFakeError(200, "ACCOUNT_NOT_MATCH", "accountId does not match the API key");
            }
        } else {
            try {
                body = EdgexFakeJson.JSON.readTree(request.body());
            } catch (IOException e) {
                throw new EdgexFakeError(400, "INVALID_PARAM", "body is not JSON");
            }
            content = value(body);
            if (!String.valueOf(accountId).equals(body.path("accountId").asText())) {
                throw new EdgexFakeError(200, "ACCOUNT_NOT_MATCH", "accountId does not match the API key");
            }
        }
        check(request.header("X-edgeX-Api-Key").orElse(""), request.header("X-edgeX-Passphrase").orElse(""),
                request.header("X-edgeX-Signature").orElse(""), timestamp,
                timestamp + request.method() + request.path() + content);
        return body;
    }

    private boolean streamAuthorized(Map<String, String> headers, Map<String, List<String>> query, String path) {
        String timestamp = headers.getOrDefault("x-edgex-timestamp", "");
        String content = "accountId=" + first(query, "accountId") + "&timestamp=" + first(query, "timestamp");
        try {
            check(headers.getOrDefault("x-edgex-api-key", ""), headers.getOrDefault("x-edgex-passphrase", ""),
                    headers.getOrDefault("x-edgex-signature", ""), timestamp, timestamp + "GET" + path + content);
            return String.valueOf(accountId).equals(first(query, "accountId"));
        } catch (EdgexFakeError e) {
            return false;
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private void check(String key, String givenPassphrase, String signature, String timestamp, String message) {
        if (!apiKey.equals(key) || !passphrase.equals(givenPassphrase)) {
            throw new EdgexFakeError(401, "INVALID_API_KEY", "unknown API key or passphrase");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new EdgexFakeError(400, "INVALID_TIMESTAMP", "missing timestamp");
        }
        if (Math.abs(System.currentTimeMillis() - ts) > 60_000) {
            throw new EdgexFakeError(400, "INVALID_TIMESTAMP", "timestamp out of range");
        }
        if (!MessageDigest.isEqual(EdgexFakeSignatures.hmac(secret, message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new EdgexFakeError(400, "INVALID_SIGNATURE", "signature does not match");
        }
    }

    /** The SDK's {@code get_value}: sorted {@code name=value}, lists joined by {@code &}, booleans lower case. */
    private static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sorted.put(field.getKey(), field.getValue());
            }
            List<String> pairs = new ArrayList<>();
            sorted.forEach((name, child) -> pairs.add(name + "=" + value(child)));
            return String.join("&", pairs);
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return String.join("&", items);
        }
        return node.asText();
    }

    private ObjectNode createOrder(JsonNode body) {
        String symbol = json.symbolOf(body.path("contractId").asText());
        String clientOrderId = text(body, "clientOrderId");
        BigDecimal size = new BigDecimal(text(body, "size"));
        BigDecimal value = new BigDecimal(text(body, "l2Value"));
        BigDecimal fee = new BigDecimal(text(body, "l2LimitFee"));
        BigInteger nonce = new BigInteger(text(body, "l2Nonce"));
        if (!nonce.equals(nonce(clientOrderId))) {
            throw new EdgexFakeError(200, "INVALID_L2_NONCE", "l2Nonce is not derived from clientOrderId");
        }
        BigDecimal contractResolution = new BigDecimal(new BigInteger(EdgexFakeJson.CONTRACT_RESOLUTION.substring(2), 16));
        BigDecimal quoteResolution = new BigDecimal(new BigInteger(EdgexFakeJson.QUOTE_RESOLUTION.substring(2), 16));
        boolean buy = text(body, "side").equals("BUY");
        boolean valid = signatures.verifyOrder(text(body, "l2Signature"), new BigInteger(EdgexFakeJson.CHAIN_ID),
                EdgexFakeJson.CONTRACT_ADDRESS, nonce, accountId, Long.parseLong(text(body, "expireTime")) / 1000,
                size.multiply(contractResolution).toBigInteger(), value.multiply(quoteResolution).toBigInteger(),
                fee.multiply(quoteResolution).toBigInteger(), new BigInteger(body.path("contractId").asText()),
                new BigInteger(EdgexFakeJson.USDT), buy);
        if (!valid) {
            throw new EdgexFakeError(200, "INVALID_L2_SIGNATURE", "l2Signature does not verify for the trading key");
        }
        if (find(clientOrderId).isPresent()) {
            throw new EdgexFakeError(200, "DUPLICATE_CLIENT_ORDER_ID", "clientOrderId already used");
        }
        Side side = buy ? Side.BUY : Side.SELL;
        boolean reduceOnly = body.path("reduceOnly").asBoolean(false);
        OrderRequest request = text(body, "type").equals("MARKET")
                ? OrderRequest.market(clientOrderId, symbol, side, size, reduceOnly)
                : new OrderRequest(clientOrderId, symbol, side, size, new BigDecimal(text(body, "price")),
                        OrderType.LIMIT, switch (body.path("timeInForce").asText("GOOD_TIL_CANCEL")) {
                            case "POST_ONLY" -> TimeInForce.POST_ONLY;
                            case "IMMEDIATE_OR_CANCEL", "FILL_OR_KILL" -> TimeInForce.IOC;
                            default -> TimeInForce.GTC;
                        }, reduceOnly);
        Order placed = sim.exchange().submit(request);
        return EdgexFakeJson.ok(EdgexFakeJson.JSON.createObjectNode().put("orderId",
                json.order(placed, accountId).path("id").asText()));
    }

    private ObjectNode cancel(JsonNode body) {
        ObjectNode results = EdgexFakeJson.JSON.createObjectNode();
        for (JsonNode id : body.path("clientOrderIdList")) {
            Order order = find(id.asText()).orElseThrow(() -> new OrderNotFoundException("edgex", id.asText()));
            if (order.status().isWorking()) {
                sim.exchange().cancel(order.symbol(), order.clientOrderId());
            }
            results.put(id.asText(), "SUCCESS");
        }
        ObjectNode data = EdgexFakeJson.JSON.createObjectNode();
        data.set("cancelResultMap", results);
        return EdgexFakeJson.ok(data);
    }

    private Optional<Order> find(String clientOrderId) {
        try {
            return Optional.of(sim.exchange().query(null, clientOrderId));
        } catch (OrderNotFoundException e) {
            return Optional.empty();
        }
    }

    private ObjectNode fills(FakeRequest request) {
        authorized(request);
        Instant from = Instant.ofEpochMilli(Long.parseLong(request.queryParameter("filterStartCreatedTimeInclusive")
                .orElse("0")));
        int size = Integer.parseInt(request.queryParameter("size").orElse("100"));
        int offset = Integer.parseInt(request.queryParameter("offsetData").orElse("0"));
        List<Fill> all = sim.exchange().fillsSince(from).stream().filter(f -> f.clientOrderId() != null).toList();
        ArrayNode rows = EdgexFakeJson.JSON.createArrayNode();
        all.stream().skip(offset).limit(size).forEach(f -> rows.add(json.fill(f, accountId)));
        ObjectNode page = EdgexFakeJson.JSON.createObjectNode();
        page.set("dataList", rows);
        page.put("nextPageOffsetData", offset + size < all.size() ? Integer.toString(offset + size) : "");
        return EdgexFakeJson.ok(page);
    }

    private ObjectNode depth(FakeRequest request) {
        String contractId = request.queryParameter("contractId").orElse("");
        int level = Integer.parseInt(request.queryParameter("level").orElse("15"));
        SimBookFeed.Snapshot snapshot = books.snapshot(json.symbolOf(contractId));
        return EdgexFakeJson.ok(List.of(json.depth(contractId, snapshot.book(), snapshot.lastUpdateId(), level,
                "SNAPSHOT")));
    }

    private ObjectNode fundingPage(FakeRequest request) {
        String symbol = json.symbolOf(request.queryParameter("contractId").orElse(""));
        ArrayNode rows = EdgexFakeJson.JSON.createArrayNode();
        sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals(symbol)).forEach(r -> rows.addObject()
                .put("contractId", json.contractId(symbol)).put("fundingRate", EdgexFakeJson.plain(r.rate()))
                .put("fundingTime", Long.toString(r.observedAt().toEpochMilli())).put("isSettlement", false));
        ObjectNode page = EdgexFakeJson.JSON.createObjectNode();
        page.set("dataList", rows);
        return EdgexFakeJson.ok(page.put("nextPageOffsetData", ""));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new EdgexFakeError(200, "INVALID_PARAM", field + " is required");
        }
        return value.asText();
    }

    private static BigInteger nonce(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(java.util.HexFormat.of().formatHex(digest).substring(0, 8), 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

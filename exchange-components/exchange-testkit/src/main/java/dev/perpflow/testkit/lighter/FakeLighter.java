package dev.perpflow.testkit.lighter;

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
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.lighter.signer.Fp5;
import dev.perpflow.lighter.signer.LighterTx;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake Lighter (zkLighter) on loopback, backed by one camel-sim venue (prices, funding, matching, positions,
 * collateral) traded by one account. It serves Lighter's REST paths and payload shapes ({@link LighterFakeJson}),
 * accepts transactions only when {@link LighterFakeAuth} verifies their Schnorr signature with the public key
 * registered for the account's API key index and their nonce is the key's next one, checks auth tokens on private
 * reads and channels, runs the WebSocket API ({@link LighterFakeStreams}), and lets tests script HTTP faults (a 503 on
 * {@code nextNonce}: the venue's maintenance) and stream drops through {@link #server()}.
 *
 * <p>As on Lighter, {@code sendTx} answers once a transaction is accepted; the sequencer (here: the sim, at once) may
 * still refuse an order, which then shows as cancelled with a reason ({@code canceled-post-only},
 * {@code canceled-margin-not-allowed}, ...). Orders keep their client order index as the sim's client order id. A
 * market order runs as an immediate-or-cancel limit at its price limit. ModifyOrder is verified but not supported.
 */
public final class FakeLighter implements AutoCloseable {

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final long account;
    private final LighterFakeJson json;
    private final LighterFakeAuth auth;
    private final Map<String, String> knownOrders = Collections.synchronizedMap(new LinkedHashMap<>());
    private SimBookFeed books;
    private LighterFakeStreams streams;
    private FakeVenueServer server;
    private Subscription simEvents;

    /** A fake over {@code sim} trading as {@code account}, whose API key {@code apiKeyIndex} has {@code publicKey}. */
    public FakeLighter(SimExchangeClient sim, long account, int apiKeyIndex, Fp5 publicKey) {
        this(sim, account, apiKeyIndex, publicKey, false);
    }

    /**
     * A fake over its own manual sim venue (BTC, ETH, SOL, 2Z, Z and BONK as {@code kBONK}, hourly funding and no
     * fees like a Lighter standard account, clock at the current second; move it with {@code sim().advance(...)}).
     */
    public FakeLighter(long account, int apiKeyIndex, Fp5 publicKey) {
        this(SimExchangeClient.manual(defaultConfig("lighter-sim", 17),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), account, apiKeyIndex, publicKey, true);
    }

    private FakeLighter(SimExchangeClient sim, long account, int apiKeyIndex, Fp5 publicKey, boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.account = account;
        this.json = new LighterFakeJson(sim.exchange(), account);
        this.auth = new LighterFakeAuth(LighterTx.MAINNET_CHAIN_ID, System::currentTimeMillis);
        auth.register(account, apiKeyIndex, publicKey);
    }

    /** A sim venue shaped like Lighter: hourly funding, no fees, BONK traded as {@code kBONK}. */
    public static SimVenueConfig defaultConfig(String name, long seed) {
        return SimVenueConfig.defaults(name, seed).withFundingIntervalHours(1)
                .withFees(BigDecimal.ZERO, BigDecimal.ZERO)
                .withMarkets(m -> m.symbol().equals("BONK") ? m.withQuantityMultiplier("kBONK", BigDecimal.valueOf(1000))
                        : m);
    }

    /** Binds the server on a free loopback port and starts following the sim's account events. */
    public synchronized FakeLighter start() {
        if (server == null) {
            books = new SimBookFeed(sim, 50);
            streams = new LighterFakeStreams(json, auth, books, account, id -> sim.exchange().query(null, id));
            simEvents = sim.subscribeOrders(new Events());
            server = FakeVenueServer.start("lighter", this::handle, Map.of("/stream", streams));
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, the REST base URL. */
    public URI baseUrl() {
        return started().baseUrl();
    }

    /** {@code ws://127.0.0.1:<port>/stream}, the WebSocket URL. */
    public URI wsUrl() {
        return URI.create(started().wsUrl() + "/stream");
    }

    /** The HTTP/WebSocket server: requests seen, scripted faults, stream drops. */
    public FakeVenueServer server() {
        return started();
    }

    public SimExchangeClient sim() {
        return sim;
    }

    public long account() {
        return account;
    }

    /** Registers another API key of the account (as the venue's ChangePubKey would). */
    public void registerApiKey(int apiKeyIndex, Fp5 publicKey) {
        auth.register(account, apiKeyIndex, publicKey);
    }

    /** The nonce the venue expects next from an API key. */
    public long nextNonce(int apiKeyIndex) {
        return auth.nextNonce(account, apiKeyIndex);
    }

    /** Lighter's market id of a sim symbol. */
    public int marketId(String symbol) {
        return json.marketId(symbol);
    }

    /** Whether a client is subscribed to the account's private channels (subscriptions are answered asynchronously). */
    public boolean privateChannelsSubscribed() {
        return streams.privateChannelsSubscribed();
    }

    /** The next book diff of {@code symbol} is numbered but never sent: a nonce gap. */
    public void skipNextBookUpdate(String symbol) {
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
            throw new IllegalStateException("FakeLighter is not started");
        }
        return server;
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        String route = request.method() + " " + request.path();
        try {
            return switch (route) {
                case "GET /api/v1/orderBookDetails" -> ok(json.orderBookDetails());
                case "GET /api/v1/funding-rates" -> ok(json.fundingRates());
                case "GET /api/v1/orderBookOrders" -> ok(json.orderBookOrders(json.instrument(
                        intParameter(request, "market_id")).symbol(), intParameter(request, "limit")));
                case "GET /api/v1/nextNonce" -> ok(LighterFakeJson.JSON.createObjectNode().put("code", 200)
                        .put("nonce", auth.nextNonce(ownAccount(request, "account_index"),
                                intParameter(request, "api_key_index"))));
                case "GET /api/v1/apikeys" -> ok(apiKeys(request));
                case "GET /api/v1/account" -> ok(json.account(accountOf(request)));
                case "GET /api/v1/accountActiveOrders" -> authed(request, () -> orders(request, true));
                case "GET /api/v1/accountInactiveOrders" -> authed(request, () -> orders(request, false));
                case "GET /api/v1/accountOrders" -> authed(request, () -> ordersByClientIndex(request));
                case "GET /api/v1/trades" -> authed(request, () -> trades(request));
                case "POST /api/v1/sendTx" -> ok(sendTx(request));
                default -> error(404, 404, "not found: " + route);
            };
        } catch (LighterFakeAuth.Refused e) {
            return error(e.status, e.code, e.getMessage());
        }
    }

    private FakeResponse authed(FakeRequest request, java.util.function.Supplier<ObjectNode> answer) {
        String token = request.header("authorization").or(() -> request.queryParameter("auth"))
                .orElseThrow(() -> new LighterFakeAuth.Refused(400, LighterFakeAuth.INVALID_AUTH, "invalid auth"));
        long tokenAccount = auth.verifyToken(token);
        if (tokenAccount != ownAccount(request, "account_index")) {
            throw new LighterFakeAuth.Refused(400, LighterFakeAuth.INVALID_AUTH, "invalid auth");
        }
        return ok(answer.get());
    }

    private ObjectNode apiKeys(FakeRequest request) {
        long requested = ownAccount(request, "account_index");
        int index = intParameter(request, "api_key_index");
        ObjectNode root = LighterFakeJson.JSON.createObjectNode().put("code", 200);
        ArrayNode keys = root.putArray("api_keys");
        Fp5 key = auth.publicKey(requested, index);
        if (key != null) {
            keys.addObject().put("account_index", requested).put("api_key_index", index)
                    .put("nonce", auth.nextNonce(requested, index))
                    .put("public_key", HexFormat.of().formatHex(key.toBytes()));
        }
        return root;
    }

    private List<dev.perpflow.exchange.model.Position> accountOf(FakeRequest request) {
        if (!"index".equals(request.queryParameter("by").orElse(""))) {
            throw new LighterFakeAuth.Refused(400, 21100, "invalid param by");
        }
        long value = Long.parseLong(request.queryParameter("value").orElse("-1"));
        if (value != account) {
            throw new LighterFakeAuth.Refused(400, 21100, "account not found");
        }
        return sim.exchange().positions();
    }

    private ObjectNode orders(FakeRequest request, boolean active) {
        Optional<String> market = request.queryParameter("market_id");
        String symbol = market.map(m -> json.instrument(Integer.parseInt(m)).symbol()).orElse(null);
        ObjectNode root = LighterFakeJson.JSON.createObjectNode().put("code", 200);
        ArrayNode rows = root.putArray("orders");
        if (active) {
            sim.exchange().openOrders(symbol).forEach(o -> rows.add(json.order(o)));
            return root;
        }
        int limit = Integer.parseInt(request.queryParameter("limit").orElse("100"));
        List<Map.Entry<String, String>> orders = new ArrayList<>(List.copyOf(knownOrders.entrySet()));
        Collections.reverse(orders);
        for (Map.Entry<String, String> entry : orders) {
            if (rows.size() == limit) {
                break;
            }
            ObjectNode refused = json.refused.get(entry.getKey());
            if (refused != null) {
                if (symbol == null || entry.getValue().equals(symbol)) {
                    rows.add(refused);
                }
                continue;
            }
            Order order = sim.exchange().query(entry.getValue(), entry.getKey());
            if (!LighterFakeJson.working(order) && (symbol == null || order.symbol().equals(symbol))) {
                rows.add(json.order(order));
            }
        }
        return root;
    }

    private ObjectNode ordersByClientIndex(FakeRequest request) {
        ObjectNode root = LighterFakeJson.JSON.createObjectNode().put("code", 200);
        ArrayNode rows = root.putArray("orders");
        for (String index : request.queryParameter("client_order_indexes").orElse("").split(",")) {
            if (index.isBlank()) {
                continue;
            }
            if (json.refused.containsKey(index)) {
                rows.add(json.refused.get(index));
                continue;
            }
            String symbol = knownOrders.get(index);
            if (symbol != null) {
                rows.add(json.order(sim.exchange().query(symbol, index)));
            }
        }
        return root;
    }

    /** This account's trades from {@code from} (ms), oldest first, paged by {@code limit} with a numeric cursor. */
    private ObjectNode trades(FakeRequest request) {
        Instant from = Instant.ofEpochMilli(Long.parseLong(request.queryParameter("from").orElse("0")));
        int limit = Math.min(100, Integer.parseInt(request.queryParameter("limit").orElse("100")));
        int offset = Integer.parseInt(request.queryParameter("cursor").orElse("0"));
        List<Fill> fills = sim.exchange().fillsSince(from).stream().filter(f -> f.clientOrderId() != null).toList();
        ObjectNode root = LighterFakeJson.JSON.createObjectNode().put("code", 200);
        ArrayNode rows = root.putArray("trades");
        fills.stream().skip(offset).limit(limit).forEach(f -> rows.add(json.trade(f,
                sim.exchange().query(null, f.clientOrderId()))));
        if (offset + limit < fills.size()) {
            root.put("next_cursor", String.valueOf(offset + limit));
        }
        return root;
    }

    // --- transactions ---

    private ObjectNode sendTx(FakeRequest request) {
        Map<String, List<String>> form = FakeVenueServer.parseForm(request.bodyText());
        int txType = Integer.parseInt(first(form, "tx_type"));
        JsonNode info;
        try {
            info = LighterFakeJson.JSON.readTree(first(form, "tx_info"));
        } catch (IOException e) {
            throw new LighterFakeAuth.Refused(400, 21501, "invalid tx info");
        }
        LighterTx tx = auth.accept(txType, info);
        if (tx instanceof LighterTx.CreateOrder order) {
            create(order);
        } else if (tx instanceof LighterTx.CancelOrder cancel) {
            cancel(cancel.marketIndex(), cancel.index());
        } else if (tx instanceof LighterTx.CancelAllOrders) {
            sim.exchange().openOrders(null).forEach(o -> sim.exchange().cancel(o.symbol(), o.clientOrderId()));
        } else if (tx instanceof LighterTx.UpdateLeverage leverage) {
            sim.exchange().setLeverage(json.instrument(leverage.marketIndex()).symbol(),
                    Math.max(1, LighterTx.MARGIN_FRACTION_TICK / Math.max(1, leverage.initialMarginFraction())));
        } else {
            throw new LighterFakeAuth.Refused(400, 21900, "this fake venue does not support tx type " + txType);
        }
        return LighterFakeJson.JSON.createObjectNode().put("code", 200)
                .put("tx_hash", HexFormat.of().formatHex(tx.hash(LighterTx.MAINNET_CHAIN_ID).toBytes()))
                .put("predicted_execution_time_ms", System.currentTimeMillis() + 5);
    }

    /** The sequencer's part: the sim executes the order now; a refusal becomes a cancelled order with a reason. */
    private void create(LighterTx.CreateOrder tx) {
        Instrument instrument = json.instrument(tx.marketIndex());
        String clientId = String.valueOf(tx.clientOrderIndex());
        if (tx.clientOrderIndex() <= 0 || knownOrders.containsKey(clientId)) {
            return; // the sequencer drops a repeated or missing client order index
        }
        BigDecimal quantity = BigDecimal.valueOf(tx.baseAmount(), LighterFakeJson.decimals(instrument.lotSize()));
        BigDecimal price = BigDecimal.valueOf(tx.price(), LighterFakeJson.decimals(instrument.tickSize()));
        Side side = tx.isAsk() == 1 ? Side.SELL : Side.BUY;
        boolean market = tx.orderType() == LighterTx.ORDER_TYPE_MARKET;
        TimeInForce tif = market || tx.timeInForce() == LighterTx.IMMEDIATE_OR_CANCEL ? TimeInForce.IOC
                : tx.timeInForce() == LighterTx.POST_ONLY ? TimeInForce.POST_ONLY : TimeInForce.GTC;
        if (market) {
            json.marketOrders.add(clientId);
        }
        knownOrders.put(clientId, instrument.symbol());
        try {
            sim.exchange().submit(new OrderRequest(clientId, instrument.symbol(), side, quantity,
                    price.stripTrailingZeros(), OrderType.LIMIT, tif, tx.reduceOnly() == 1));
        } catch (InsufficientMarginException e) {
            refuse(tx, side, quantity, price, "canceled-margin-not-allowed");
        } catch (OrderRejectedException e) {
            String reason = e.reason().contains("post-only") ? "canceled-post-only"
                    : e.reason().contains("reduce-only") ? "canceled-reduce-only" : "canceled-invalid-balance";
            refuse(tx, side, quantity, price, reason);
        } catch (ExchangeException e) {
            refuse(tx, side, quantity, price, "canceled");
        }
    }

    private void refuse(LighterTx.CreateOrder tx, Side side, BigDecimal quantity, BigDecimal price, String status) {
        ObjectNode order = json.refusedOrder(tx.clientOrderIndex(), tx.marketIndex(), side == Side.SELL, quantity,
                price, status, sim.exchange().now());
        json.refused.put(String.valueOf(tx.clientOrderIndex()), order);
        streams.onRefused(tx.marketIndex(), order);
    }

    /** Cancels by client order index (or order index); an unknown or ended order is left as it is, as the venue does. */
    private void cancel(int marketIndex, long index) {
        String symbol = json.instrument(marketIndex).symbol();
        String clientId = String.valueOf(index);
        if (!knownOrders.containsKey(clientId)) {
            clientId = knownOrders.keySet().stream().filter(id -> !json.refused.containsKey(id)
                    && json.orderIndex(sim.exchange().query(knownOrders.get(id), id)) == index).findFirst()
                    .orElse(null);
        }
        if (clientId == null || json.refused.containsKey(clientId)) {
            return;
        }
        try {
            sim.exchange().cancel(symbol, clientId);
        } catch (OrderNotFoundException e) {
            // the sequencer ignores it
        }
    }

    /** Remembers orders placed on the sim directly too, and forwards the sim's events to the streams. */
    private final class Events implements dev.perpflow.exchange.OrderEventListener {

        @Override
        public void onOrder(Order order) {
            knownOrders.putIfAbsent(order.clientOrderId(), order.symbol());
            try {
                Long.parseLong(order.clientOrderId());
            } catch (NumberFormatException e) {
                return; // not placed through the venue: no client order index to report
            }
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

    private long ownAccount(FakeRequest request, String name) {
        return Long.parseLong(request.queryParameter(name).orElseThrow(() -> new LighterFakeAuth.Refused(400, 21100,
                "missing " + name)));
    }

    private static int intParameter(FakeRequest request, String name) {
        try {
            return Integer.parseInt(request.queryParameter(name).orElseThrow(() -> new LighterFakeAuth.Refused(400,
                    21100, "missing " + name)));
        } catch (NumberFormatException e) {
            throw new LighterFakeAuth.Refused(400, 21100, "invalid " + name);
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            throw new LighterFakeAuth.Refused(400, 21501, "missing " + name);
        }
        return values.get(0);
    }

    private static FakeResponse ok(ObjectNode body) {
        return FakeResponse.ok(body.toString());
    }

    private static FakeResponse error(int status, int code, String message) {
        return FakeResponse.json(status, LighterFakeJson.JSON.createObjectNode().put("code", code)
                .put("message", message).toString());
    }
}

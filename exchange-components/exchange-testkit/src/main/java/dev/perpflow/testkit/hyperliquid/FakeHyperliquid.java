package dev.perpflow.testkit.hyperliquid;

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
import java.math.MathContext;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Hyperliquid on loopback, backed by one camel-sim venue (prices, funding, matching, positions). It serves
 * {@code POST /info} (the request types perpflow reads, in Hyperliquid's payload shapes), {@code POST /exchange}
 * (orders, cancels by oid and cloid, leverage) after checking the signature as the venue does
 * ({@link HyperliquidFakeAuth}: the signer recovered from the L1 signature must be the account or an API wallet it
 * approved), and the WebSocket {@code /ws} ({@code l2Book}, {@code orderUpdates}, {@code userFills}, ping/pong).
 * Orders keep the cloid as the sim's client order id; the venue's numeric order and trade ids are issued here. The
 * venue's rules it enforces: prices of at most 5 significant figures (integers excepted) and {@code 6 − szDecimals}
 * decimals, sizes of at most {@code szDecimals} decimals, a 10 USDC minimum order value; errors are HTTP 200 with
 * {@code status: err} or a per-order {@code error}, as the venue sends them. Scripted HTTP faults and stream drops
 * go through {@link #server()}.
 */
public final class FakeHyperliquid implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MIN_VALUE = BigDecimal.TEN;

    private final SimExchangeClient sim;
    private final boolean ownsSim;
    private final HyperliquidFakeAuth auth;
    private final Map<String, Long> oids = new ConcurrentHashMap<>();
    private final Map<Long, String> byOid = new ConcurrentHashMap<>();
    private final Map<String, Long> tids = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final Set<FakeWebSocketSession> orderSessions = ConcurrentHashMap.newKeySet();
    private final Set<FakeWebSocketSession> fillSessions = ConcurrentHashMap.newKeySet();
    private SimBookFeed books;
    private Subscription simEvents;
    private FakeVenueServer server;

    /** A fake over {@code sim} for {@code account}, taking signatures of its key or of {@code apiWallets}. */
    public FakeHyperliquid(SimExchangeClient sim, String account, List<String> apiWallets) {
        this(sim, account, apiWallets, false);
    }

    /** A fake over its own manual sim venue with hourly funding (move it with {@code sim().advance(...)}). */
    public FakeHyperliquid(String account, List<String> apiWallets) {
        this(SimExchangeClient.manual(SimVenueConfig.defaults("hyperliquid-sim", 21).withFundingIntervalHours(1),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))), account, apiWallets, true);
    }

    private FakeHyperliquid(SimExchangeClient sim, String account, List<String> apiWallets, boolean ownsSim) {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.auth = new HyperliquidFakeAuth(account, apiWallets, true, System::currentTimeMillis);
    }

    public synchronized FakeHyperliquid start() {
        if (server == null) {
            books = new SimBookFeed(sim, 20);
            simEvents = sim.subscribeOrders(new Events());
            server = FakeVenueServer.start("hyperliquid", this::handle, Map.of("/ws", new Streams()));
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}: the API URL ({@code /info}, {@code /exchange}). */
    public URI baseUrl() {
        return started().baseUrl();
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public URI wsUrl() {
        return URI.create(started().wsUrl() + "/ws");
    }

    public FakeVenueServer server() {
        return started();
    }

    public SimExchangeClient sim() {
        return sim;
    }

    /** Approves another API wallet for the account (as {@code approveAgent} would). */
    /** The next {@code count} subscriptions of {@code type} are lost: neither acknowledged nor served. */
    public void ignoreSubscriptions(String type, int count) {
        ignored.put(type, count);
    }

    public void approveApiWallet(String address) {
        auth.approve(address);
    }

    /** Removes an API wallet: its signatures are refused from now on. */
    public void revokeApiWallet(String address) {
        auth.revoke(address);
    }

    /** Hyperliquid's coin name of a sim symbol ({@code kBONK} for BONK traded per 1000). */
    public String coin(String symbol) {
        return coin(instrument(symbol));
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
            throw new IllegalStateException("FakeHyperliquid is not started");
        }
        return server;
    }

    // --- REST ---

    private FakeResponse handle(FakeRequest request) {
        if (!request.method().equals("POST")) {
            return FakeResponse.json(405, "{\"error\":\"Method Not Allowed\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return FakeResponse.json(422, "Failed to deserialize the JSON body into the target type");
        }
        if (body == null || !body.isObject()) {
            return FakeResponse.json(422, "Failed to deserialize the JSON body into the target type");
        }
        return switch (request.path()) {
            case "/info" -> info(body);
            case "/exchange" -> exchange(body);
            default -> FakeResponse.json(404, "{\"error\":\"Not Found\"}");
        };
    }

    private FakeResponse info(JsonNode body) {
        String type = body.path("type").asText();
        boolean own = auth.account().equalsIgnoreCase(body.path("user").asText(""));
        Object answer = switch (type) {
            case "meta" -> meta();
            case "metaAndAssetCtxs" -> JSON.createArrayNode().add(meta()).add(contexts());
            case "predictedFundings" -> predicted();
            case "fundingHistory" -> fundingHistory(body.path("coin").asText());
            case "l2Book" -> book(symbolOf(body.path("coin").asText()));
            case "allMids" -> mids();
            case "clearinghouseState" -> clearinghouse(own);
            case "frontendOpenOrders", "openOrders" -> openOrders(own);
            case "orderStatus" -> orderStatus(own, body.path("oid"));
            case "userFills", "userFillsByTime" -> fills(own, body.path("startTime").asLong(0));
            case "userFunding" -> funding(own, body.path("startTime").asLong(0));
            default -> null;
        };
        return answer == null ? FakeResponse.json(422, "Failed to deserialize the JSON body into the target type")
                : FakeResponse.ok(answer.toString());
    }

    private FakeResponse exchange(JsonNode body) {
        Optional<String> refused = auth.verify(body);
        if (refused.isPresent()) {
            return err(refused.get());
        }
        JsonNode action = body.get("action");
        return switch (action.path("type").asText()) {
            case "order" -> {
                ArrayNode statuses = JSON.createArrayNode();
                action.path("orders").forEach(order -> statuses.add(place(order)));
                yield ok("order", statuses);
            }
            case "cancelByCloid" -> {
                ArrayNode statuses = JSON.createArrayNode();
                action.path("cancels").forEach(c -> statuses.add(cancel(c.path("asset").asInt(),
                        c.path("cloid").asText().toLowerCase(Locale.ROOT))));
                yield ok("cancel", statuses);
            }
            case "cancel" -> {
                ArrayNode statuses = JSON.createArrayNode();
                action.path("cancels").forEach(c -> statuses.add(cancel(c.path("a").asInt(),
                        byOid.getOrDefault(c.path("o").asLong(), "?"))));
                yield ok("cancel", statuses);
            }
            case "updateLeverage" -> {
                Instrument instrument = instrumentAt(action.path("asset").asInt());
                int leverage = action.path("leverage").asInt();
                if (instrument == null || leverage < 1 || leverage > instrument.maxLeverage()) {
                    yield err("Invalid leverage value");
                }
                sim.exchange().setLeverage(instrument.symbol(), leverage);
                yield FakeResponse.ok("{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}");
            }
            default -> err("Unknown action type");
        };
    }

    private JsonNode place(JsonNode wire) {
        Instrument instrument = instrumentAt(wire.path("a").asInt());
        if (instrument == null) {
            return error("Asset " + wire.path("a").asInt() + " does not exist.");
        }
        int szDecimals = szDecimals(instrument);
        BigDecimal price = new BigDecimal(wire.path("p").asText());
        BigDecimal size = new BigDecimal(wire.path("s").asText());
        if (!validPrice(price, szDecimals)) {
            return error("Order has invalid price.");
        }
        if (size.signum() <= 0 || size.stripTrailingZeros().scale() > szDecimals) {
            return error("Order has invalid size.");
        }
        boolean reduceOnly = wire.path("r").asBoolean();
        if (!reduceOnly && price.multiply(size).multiply(instrument.quantityMultiplier()).compareTo(MIN_VALUE) < 0) {
            return error("Order must have minimum value of $10. asset=" + wire.path("a").asInt());
        }
        String tif = wire.path("t").path("limit").path("tif").asText("Gtc");
        String cloid = wire.hasNonNull("c") ? wire.get("c").asText().toLowerCase(Locale.ROOT)
                : "hl-" + ids.incrementAndGet();
        Side side = wire.path("b").asBoolean() ? Side.BUY : Side.SELL;
        TimeInForce timeInForce = switch (tif) {
            case "Ioc" -> TimeInForce.IOC;
            case "Alo" -> TimeInForce.POST_ONLY;
            default -> TimeInForce.GTC;
        };
        Order placed;
        try {
            placed = sim.exchange().submit(new OrderRequest(cloid, instrument.symbol(), side, size, price,
                    OrderType.LIMIT, timeInForce, reduceOnly));
        } catch (InsufficientMarginException e) {
            return error("Insufficient margin to place order. asset=" + wire.path("a").asInt());
        } catch (OrderRejectedException e) {
            if (timeInForce == TimeInForce.POST_ONLY && e.reason().contains("cross")) {
                return error("Post only order would have immediately matched, bbo was "
                        + sim.exchange().book(instrument.symbol(), 1).bids().get(0).price() + "@"
                        + sim.exchange().book(instrument.symbol(), 1).asks().get(0).price() + ". asset="
                        + wire.path("a").asInt());
            }
            if (e.reason().contains("reduce-only")) {
                return error("Reduce only order would increase position. asset=" + wire.path("a").asInt());
            }
            return error(e.reason());
        } catch (ExchangeException e) {
            return error(e.getMessage());
        }
        long oid = oid(placed);
        if (placed.filledQuantity().signum() == 0 && !placed.status().isWorking()) {
            return error("Order could not immediately match against any resting orders. asset="
                    + wire.path("a").asInt());
        }
        if (placed.status() == OrderStatus.OPEN) {
            return JSON.createObjectNode().set("resting", JSON.createObjectNode().put("oid", oid));
        }
        ObjectNode filled = JSON.createObjectNode().put("totalSz", plain(placed.filledQuantity()))
                .put("avgPx", plain(placed.averagePrice())).put("oid", oid);
        return JSON.createObjectNode().set("filled", filled);
    }

    private JsonNode cancel(int asset, String cloid) {
        Instrument instrument = instrumentAt(asset);
        try {
            Order order = sim.exchange().query(null, cloid);
            if (instrument == null || !order.symbol().equals(instrument.symbol()) || !order.status().isWorking()) {
                return error("Order was never placed, already canceled, or filled.");
            }
            sim.exchange().cancel(order.symbol(), cloid);
            return JSON.getNodeFactory().textNode("success");
        } catch (OrderNotFoundException e) {
            return error("Order was never placed, already canceled, or filled.");
        }
    }

    // --- payloads ---

    private ObjectNode meta() {
        ArrayNode universe = JSON.createArrayNode();
        for (Instrument instrument : sim.exchange().instruments()) {
            universe.addObject().put("name", coin(instrument)).put("szDecimals", szDecimals(instrument))
                    .put("maxLeverage", instrument.maxLeverage());
        }
        return JSON.createObjectNode().set("universe", universe);
    }

    private ArrayNode contexts() {
        ArrayNode ctxs = JSON.createArrayNode();
        Map<String, FundingRate> rates = new java.util.HashMap<>();
        sim.exchange().fundingRates().forEach(r -> rates.put(r.symbol(), r));
        Map<String, MarketStats> stats = new java.util.HashMap<>();
        sim.exchange().marketStats().forEach(s -> stats.put(s.symbol(), s));
        for (Instrument instrument : sim.exchange().instruments()) {
            FundingRate rate = rates.get(instrument.symbol());
            MarketStats stat = stats.get(instrument.symbol());
            OrderBook book = sim.exchange().book(instrument.symbol(), 1);
            BigDecimal mid = book.bbo().map(b -> b.mid()).orElse(rate.markPrice());
            BigDecimal mark = rate.markPrice() == null ? mid : rate.markPrice();
            ObjectNode ctx = ctxs.addObject();
            ctx.put("funding", plain(hourly(rate))).put("openInterest", plain(stat.openInterestUsd()
                    .divide(mark, 8, java.math.RoundingMode.HALF_EVEN))).put("prevDayPx", plain(mark))
                    .put("dayNtlVlm", plain(stat.volume24hUsd())).put("premium", "0.0")
                    .put("oraclePx", plain(rate.indexPrice() == null ? mark : rate.indexPrice()))
                    .put("markPx", plain(mark)).put("midPx", plain(mid));
            ctx.putArray("impactPxs").add(plain(book.bids().get(0).price())).add(plain(book.asks().get(0).price()));
        }
        return ctxs;
    }

    private static BigDecimal hourly(FundingRate rate) {
        return rate.rate().divide(BigDecimal.valueOf(rate.intervalHours()), MathContext.DECIMAL64);
    }

    private ArrayNode predicted() {
        ArrayNode rows = JSON.createArrayNode();
        long next = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).toEpochMilli();
        for (FundingRate rate : sim.exchange().fundingRates()) {
            ArrayNode row = rows.addArray().add(coin(instrument(rate.symbol())));
            ArrayNode venues = row.addArray();
            venues.addArray().add("HlPerp").addObject().put("fundingRate", plain(hourly(rate)))
                    .put("nextFundingTime", next).put("fundingIntervalHours", 1);
            venues.addArray().add("BinPerp").addObject().put("fundingRate", "0.0001").put("nextFundingTime", next)
                    .put("fundingIntervalHours", 8);
        }
        return rows;
    }

    private ArrayNode fundingHistory(String coin) {
        ArrayNode rows = JSON.createArrayNode();
        String symbol = symbolOf(coin);
        sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals(symbol)).forEach(r -> rows.addObject()
                .put("coin", coin).put("fundingRate", plain(hourly(r))).put("premium", "0.0")
                .put("time", r.observedAt().toEpochMilli()));
        return rows;
    }

    private ObjectNode book(String symbol) {
        OrderBook book = sim.exchange().book(symbol, 20);
        return bookJson(book);
    }

    ObjectNode bookJson(OrderBook book) {
        ObjectNode out = JSON.createObjectNode().put("coin", coin(instrument(book.symbol())))
                .put("time", book.timestamp().toEpochMilli());
        ArrayNode levels = out.putArray("levels");
        for (List<PriceLevel> side : List.of(book.bids(), book.asks())) {
            ArrayNode rows = levels.addArray();
            side.forEach(l -> rows.addObject().put("px", plain(l.price())).put("sz", plain(l.quantity())).put("n", 1));
        }
        return out;
    }

    private ObjectNode mids() {
        ObjectNode mids = JSON.createObjectNode();
        for (Instrument instrument : sim.exchange().instruments()) {
            sim.exchange().book(instrument.symbol(), 1).bbo().ifPresent(b -> mids.put(coin(instrument), plain(b.mid())));
        }
        return mids;
    }

    private ObjectNode clearinghouse(boolean own) {
        ObjectNode state = JSON.createObjectNode();
        ArrayNode positions = state.putArray("assetPositions");
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        if (own) {
            for (var balance : sim.exchange().balances()) {
                equity = equity.add(balance.total());
                available = available.add(balance.available());
            }
            for (Position p : sim.exchange().positions()) {
                Instrument instrument = instrument(p.symbol());
                BigDecimal value = p.notional();
                notional = notional.add(value);
                ObjectNode position = JSON.createObjectNode().put("coin", coin(instrument)).put("szi", plain(p.quantity()))
                        .put("entryPx", plain(p.entryPrice())).put("positionValue", plain(value))
                        .put("unrealizedPnl", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO : p.unrealizedPnl()))
                        .put("returnOnEquity", "0.0").put("marginUsed", plain(p.margin() == null ? BigDecimal.ZERO
                                : p.margin())).put("maxLeverage", instrument.maxLeverage());
                if (p.liquidationPrice() == null) {
                    position.putNull("liquidationPx");
                } else {
                    position.put("liquidationPx", plain(p.liquidationPrice()));
                }
                position.putObject("leverage").put("type", "cross").put("value", p.leverage() == null ? 1
                        : p.leverage().intValue());
                BigDecimal paid = p.fundingAccrued() == null ? BigDecimal.ZERO : p.fundingAccrued().negate();
                position.putObject("cumFunding").put("allTime", plain(paid)).put("sinceOpen", plain(paid))
                        .put("sinceChange", plain(paid));
                positions.addObject().put("type", "oneWay").set("position", position);
            }
        }
        for (String name : List.of("marginSummary", "crossMarginSummary")) {
            state.putObject(name).put("accountValue", plain(equity)).put("totalNtlPos", plain(notional))
                    .put("totalRawUsd", plain(equity)).put("totalMarginUsed", plain(equity.subtract(available)));
        }
        state.put("crossMaintenanceMarginUsed", "0.0").put("withdrawable", plain(available))
                .put("time", System.currentTimeMillis());
        return state;
    }

    private ArrayNode openOrders(boolean own) {
        ArrayNode rows = JSON.createArrayNode();
        if (own) {
            sim.exchange().openOrders(null).forEach(o -> rows.add(orderJson(o)));
        }
        return rows;
    }

    private ObjectNode orderStatus(boolean own, JsonNode oid) {
        String clientId = oid.isTextual() && oid.asText().startsWith("0x") ? oid.asText().toLowerCase(Locale.ROOT)
                : byOid.get(oid.asLong());
        try {
            if (!own || clientId == null) {
                throw new OrderNotFoundException("hyperliquid", String.valueOf(oid));
            }
            Order order = sim.exchange().query(null, clientId);
            ObjectNode out = JSON.createObjectNode().put("status", "order");
            out.set("order", orderUpdate(order));
            return out;
        } catch (OrderNotFoundException e) {
            return JSON.createObjectNode().put("status", "unknownOid");
        }
    }

    ObjectNode orderUpdate(Order order) {
        ObjectNode update = JSON.createObjectNode();
        update.set("order", orderJson(order));
        update.put("status", switch (order.status()) {
            case FILLED -> "filled";
            case CANCELED -> "canceled";
            case REJECTED -> "rejected";
            default -> "open";
        }).put("statusTimestamp", (order.updatedAt() == null ? Instant.now() : order.updatedAt()).toEpochMilli());
        return update;
    }

    private ObjectNode orderJson(Order o) {
        ObjectNode row = JSON.createObjectNode().put("coin", coin(instrument(o.symbol())))
                .put("side", o.side() == Side.BUY ? "B" : "A").put("limitPx", plain(o.price() == null ? BigDecimal.ZERO
                        : o.price())).put("sz", plain(o.status().isWorking() ? o.remainingQuantity()
                        : o.status() == OrderStatus.FILLED ? BigDecimal.ZERO : o.remainingQuantity()))
                .put("oid", oid(o)).put("timestamp", o.createdAt().toEpochMilli()).put("origSz", plain(o.quantity()))
                .put("reduceOnly", o.reduceOnly()).put("orderType", "Limit").put("isTrigger", false)
                .put("tif", switch (o.timeInForce()) {
                    case IOC -> "Ioc";
                    case POST_ONLY -> "Alo";
                    default -> "Gtc";
                });
        if (o.clientOrderId().startsWith("0x")) {
            row.put("cloid", o.clientOrderId());
        } else {
            row.putNull("cloid");
        }
        return row;
    }

    private ArrayNode fills(boolean own, long startTime) {
        ArrayNode rows = JSON.createArrayNode();
        if (own) {
            sim.exchange().fillsSince(Instant.ofEpochMilli(startTime)).stream().limit(2000)
                    .forEach(f -> rows.add(fillJson(f)));
        }
        return rows;
    }

    ObjectNode fillJson(Fill f) {
        Instrument instrument = instrument(f.symbol());
        long oid = f.clientOrderId() == null ? 0 : oids.computeIfAbsent(f.clientOrderId(), id -> ids.incrementAndGet());
        ObjectNode row = JSON.createObjectNode().put("coin", coin(instrument)).put("px", plain(f.price()))
                .put("sz", plain(f.quantity())).put("side", f.side() == Side.BUY ? "B" : "A")
                .put("time", f.timestamp().toEpochMilli()).put("startPosition", "0.0")
                .put("dir", f.side() == Side.BUY ? "Open Long" : "Open Short").put("closedPnl", "0.0")
                .put("hash", "0x" + "0".repeat(64)).put("oid", oid).put("crossed", f.liquidity().name().equals("TAKER"))
                .put("fee", plain(f.fee())).put("tid", tids.computeIfAbsent(f.tradeId(), id -> ids.incrementAndGet()))
                .put("feeToken", "USDC");
        byOid.putIfAbsent(oid, f.clientOrderId() == null ? "" : f.clientOrderId());
        return row;
    }

    private ArrayNode funding(boolean own, long startTime) {
        ArrayNode rows = JSON.createArrayNode();
        if (own) {
            for (FundingSettlement s : sim.exchange().settlements()) {
                if (s.time().toEpochMilli() >= startTime) {
                    ObjectNode row = rows.addObject().put("time", s.time().toEpochMilli())
                            .put("hash", "0x" + "0".repeat(64));
                    row.putObject("delta").put("type", "funding").put("coin", coin(instrument(s.symbol())))
                            .put("usdc", plain(s.amount())).put("szi", plain(s.quantity()))
                            .put("fundingRate", plain(s.rate())).put("nSamples", 1);
                }
            }
        }
        return rows;
    }

    // --- helpers ---

    private long oid(Order order) {
        long oid = oids.computeIfAbsent(order.clientOrderId(), id -> ids.incrementAndGet());
        byOid.put(oid, order.clientOrderId());
        return oid;
    }

    private Instrument instrument(String symbol) {
        return sim.exchange().instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sim market " + symbol));
    }

    private Instrument instrumentAt(int asset) {
        List<Instrument> instruments = sim.exchange().instruments();
        return asset >= 0 && asset < instruments.size() ? instruments.get(asset) : null;
    }

    private String symbolOf(String coin) {
        return sim.exchange().instruments().stream().filter(i -> coin(i).equals(coin)).map(Instrument::symbol)
                .findFirst().orElse(coin);
    }

    static String coin(Instrument instrument) {
        return instrument.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0 ? "k" + instrument.symbol()
                : instrument.symbol();
    }

    static int szDecimals(Instrument instrument) {
        return Math.max(0, instrument.lotSize().stripTrailingZeros().scale());
    }

    static boolean validPrice(BigDecimal price, int szDecimals) {
        if (price.signum() <= 0) {
            return false;
        }
        BigDecimal stripped = price.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return true;
        }
        return stripped.precision() <= 5 && stripped.scale() <= 6 - szDecimals;
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "0.0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.setScale(1).toPlainString() : stripped.toPlainString();
    }

    private static FakeResponse ok(String type, ArrayNode statuses) {
        ObjectNode answer = JSON.createObjectNode().put("status", "ok");
        ObjectNode response = answer.putObject("response").put("type", type);
        response.putObject("data").set("statuses", statuses);
        return FakeResponse.ok(answer.toString());
    }

    private static FakeResponse err(String text) {
        return FakeResponse.ok(JSON.createObjectNode().put("status", "err").put("response", text).toString());
    }

    private static JsonNode error(String text) {
        return JSON.createObjectNode().put("error", text);
    }

    // --- streams ---

    private final class Streams implements FakeWebSocketHandler {

        @Override
        public void onText(FakeWebSocketSession session, String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                session.send("{\"channel\":\"error\",\"data\":\"Invalid JSON\"}");
                return;
            }
            String method = message.path("method").asText();
            if (method.equals("ping")) {
                session.send("{\"channel\":\"pong\"}");
                return;
            }
            JsonNode subscription = message.path("subscription");
            if (!method.equals("subscribe") || !subscription.isObject()) {
                return;
            }
            if (ignored.computeIfPresent(subscription.path("type").asText(), (type, n) -> n - 1) != null) {
                ignored.remove(subscription.path("type").asText(), 0);
                return; // scripted: lost on the way, neither acknowledged nor served
            }
            ObjectNode ack = JSON.createObjectNode().put("channel", "subscriptionResponse");
            ack.putObject("data").put("method", "subscribe").set("subscription", subscription);
            session.send(ack.toString());
            String user = subscription.path("user").asText("");
            switch (subscription.path("type").asText()) {
                case "l2Book" -> {
                    String symbol = symbolOf(subscription.path("coin").asText());
                    session.send(channel("l2Book", book(symbol)));
                    books.follow(symbol, diff -> publish(diff.book()));
                    session.attributes().put("book:" + symbol, true);
                    bookSessions.add(session);
                }
                case "orderUpdates" -> {
                    if (auth.account().equalsIgnoreCase(user)) {
                        orderSessions.add(session);
                    }
                }
                case "userFills" -> {
                    ObjectNode data = JSON.createObjectNode().put("user", user).put("isSnapshot", true);
                    data.putArray("fills");
                    session.send(channel("userFills", data));
                    if (auth.account().equalsIgnoreCase(user)) {
                        fillSessions.add(session);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onClose(FakeWebSocketSession session) {
            orderSessions.remove(session);
            fillSessions.remove(session);
            bookSessions.remove(session);
        }
    }

    private final Set<FakeWebSocketSession> bookSessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> ignored = new ConcurrentHashMap<>();

    private static String channel(String channel, JsonNode data) {
        ObjectNode message = JSON.createObjectNode().put("channel", channel);
        message.set("data", data);
        return message.toString();
    }

    /** The sim's account events and book changes, pushed to the subscribed sessions. */
    private final class Events implements OrderEventListener {

        @Override
        public void onOrder(Order order) {
            String message = channel("orderUpdates", JSON.createArrayNode().add(orderUpdate(order)));
            orderSessions.forEach(s -> s.send(message));
        }

        @Override
        public void onFill(Fill fill) {
            ObjectNode data = JSON.createObjectNode().put("user", auth.account()).put("isSnapshot", false);
            data.putArray("fills").add(fillJson(fill));
            String message = channel("userFills", data);
            fillSessions.forEach(s -> s.send(message));
        }
    }

    /** Pushes {@code book} to the sessions subscribed to its market (called by tests and by the sim's book feed). */
    void publish(OrderBook book) {
        String message = channel("l2Book", bookJson(book));
        bookSessions.stream().filter(s -> s.attributes().containsKey("book:" + book.symbol()))
                .forEach(s -> s.send(message));
    }
}

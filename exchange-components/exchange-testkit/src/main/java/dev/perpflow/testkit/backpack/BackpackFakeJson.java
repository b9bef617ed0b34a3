package dev.perpflow.testkit.backpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimExchange;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's Backpack payload shapes (REST answers and stream events) built from the sim's model, after the
 * official Rust client's types ({@code bpx-api-types}): decimals as strings, {@code Bid}/{@code Ask}, REST times in
 * milliseconds (fills as UTC date-times), stream times in microseconds, numeric order and trade ids. Market names are
 * {@code <BASE>_USDC_PERP}; a market whose sim contract holds 1000 tokens is {@code k<BASE>_USDC_PERP}.
 */
final class BackpackFakeJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String QUOTE = "USDC";
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private final SimExchange sim;
    private final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(112_233_445_566_770_000L);

    BackpackFakeJson(SimExchange sim) {
        this.sim = sim;
    }

    // --- names and ids ---

    static String venueSymbol(Instrument instrument) {
        String base = instrument.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0
                ? "k" + instrument.symbol() : instrument.symbol();
        return base + "_" + QUOTE + "_PERP";
    }

    Instrument instrument(String symbol) {
        return sim.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new BackpackFakeError(400, "INVALID_MARKET", "Invalid market"));
    }

    /** The sim symbol of a Backpack market name. */
    String symbolOf(String venueSymbol) {
        return sim.instruments().stream().filter(i -> venueSymbol(i).equals(venueSymbol)).findFirst()
                .map(Instrument::symbol).orElseThrow(() -> new BackpackFakeError(400, "INVALID_MARKET",
                        "Invalid market"));
    }

    /** Backpack's numeric order id of a sim order id. */
    String orderId(String simOrderId) {
        return orderIds.computeIfAbsent(simOrderId, id -> Long.toString(nextOrderId.incrementAndGet()));
    }

    String orderId(Order order) {
        return orderId(order.venueOrderId() == null ? order.clientOrderId() : order.venueOrderId());
    }

    /** The u32 client id a sim order was placed under, or empty for orders placed without one. */
    static Optional<Long> clientId(String simClientOrderId) {
        if (simClientOrderId == null || simClientOrderId.isEmpty() || !simClientOrderId.chars().allMatch(Character::isDigit)
                || simClientOrderId.length() > 10) {
            return Optional.empty();
        }
        long value = Long.parseLong(simClientOrderId);
        return value <= U32_MAX ? Optional.of(value) : Optional.empty();
    }

    static long tradeId(Fill fill) {
        String digits = fill.tradeId().replaceAll("\\D", "");
        return digits.isEmpty() ? Math.abs(fill.tradeId().hashCode()) : Long.parseLong(digits);
    }

    static String side(Side side) {
        return side == Side.BUY ? "Bid" : "Ask";
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    // --- public data ---

    ArrayNode markets() {
        ArrayNode rows = JSON.createArrayNode();
        for (Instrument instrument : sim.instruments()) {
            ObjectNode market = rows.addObject().put("symbol", venueSymbol(instrument))
                    .put("baseSymbol", venueSymbol(instrument).replace("_" + QUOTE + "_PERP", ""))
                    .put("quoteSymbol", QUOTE).put("marketType", "PERP");
            ObjectNode filters = market.putObject("filters");
            filters.putObject("price").put("minPrice", plain(instrument.tickSize())).put("maxPrice", "1000000")
                    .put("tickSize", plain(instrument.tickSize()));
            filters.putObject("quantity").put("minQuantity", plain(instrument.lotSize()))
                    .put("maxQuantity", "100000000").put("stepSize", plain(instrument.lotSize()));
            filters.putObject("leverage").put("minLeverage", "1").put("maxLeverage",
                    String.valueOf(instrument.maxLeverage())).put("stepSize", "1");
            market.putObject("imfFunction").put("type", "sqrt").put("base", "0.02").put("factor", "0.00006");
            market.putObject("mmfFunction").put("type", "sqrt").put("base", "0.0125").put("factor", "0.000035");
            market.put("fundingInterval", instrument.fundingIntervalHours() * 3_600_000L)
                    .put("fundingRateUpperBound", "100").put("fundingRateLowerBound", "-100")
                    .putNull("openInterestLimit").put("orderBookState", "Open")
                    .put("createdAt", "2025-01-01T00:00:00").put("visible", true);
        }
        // what a client must skip: a spot market and a closed perpetual
        rows.addObject().put("symbol", "SOL_USDC").put("baseSymbol", "SOL").put("quoteSymbol", QUOTE)
                .put("marketType", "SPOT").put("orderBookState", "Open").put("visible", true)
                .putObject("filters").set("price", JSON.createObjectNode().put("tickSize", "0.01"));
        ObjectNode closed = rows.addObject().put("symbol", "OLD_USDC_PERP").put("baseSymbol", "OLD")
                .put("quoteSymbol", QUOTE).put("marketType", "PERP").put("orderBookState", "Closed")
                .put("fundingInterval", 3_600_000L).put("visible", true);
        closed.putObject("filters").putObject("price").put("tickSize", "0.01");
        return rows;
    }

    ArrayNode markPrices(Optional<String> venueSymbol) {
        ArrayNode rows = JSON.createArrayNode();
        for (FundingRate rate : sim.fundingRates()) {
            String name = venueSymbol(instrument(rate.symbol()));
            if (venueSymbol.isPresent() && !venueSymbol.get().equals(name)) {
                continue;
            }
            rows.addObject().put("symbol", name).put("fundingRate", plain(rate.rate()))
                    .put("indexPrice", plain(rate.indexPrice())).put("markPrice", plain(rate.markPrice()))
                    .put("nextFundingTimestamp", rate.nextFundingTime() == null ? 0
                            : rate.nextFundingTime().toEpochMilli());
        }
        return rows;
    }

    ArrayNode tickers() {
        ArrayNode rows = JSON.createArrayNode();
        Map<String, BigDecimal> marks = marks();
        for (MarketStats stats : sim.marketStats()) {
            BigDecimal mark = marks.get(stats.symbol());
            rows.addObject().put("symbol", venueSymbol(instrument(stats.symbol()))).put("firstPrice", plain(mark))
                    .put("lastPrice", plain(mark)).put("priceChange", "0").put("priceChangePercent", "0")
                    .put("high", plain(mark)).put("low", plain(mark))
                    .put("volume", plain(stats.volume24hUsd().divide(mark, MathContext.DECIMAL64)))
                    .put("quoteVolume", plain(stats.volume24hUsd())).put("trades", "1234");
        }
        rows.addObject().put("symbol", "SOL_USDC").put("firstPrice", "150").put("lastPrice", "150")
                .put("volume", "10").put("quoteVolume", "1500").put("trades", "3");
        return rows;
    }

    /** Open interest in contracts (base units), as Backpack reports it. */
    ArrayNode openInterest(Optional<String> venueSymbol) {
        ArrayNode rows = JSON.createArrayNode();
        Map<String, BigDecimal> marks = marks();
        for (MarketStats stats : sim.marketStats()) {
            String name = venueSymbol(instrument(stats.symbol()));
            if (venueSymbol.isPresent() && !venueSymbol.get().equals(name)) {
                continue;
            }
            BigDecimal contracts = stats.openInterestUsd().divide(marks.get(stats.symbol()), 4, RoundingMode.HALF_EVEN);
            rows.addObject().put("symbol", name).put("openInterest", plain(contracts))
                    .put("timestamp", System.currentTimeMillis());
        }
        return rows;
    }

    /** A depth answer: both sides ascending by price (as Backpack lists them), {@code lastUpdateId} as a string. */
    ObjectNode depth(OrderBook book, long lastUpdateId) {
        ObjectNode root = JSON.createObjectNode();
        levels(root.putArray("asks"), book.asks(), false);
        levels(root.putArray("bids"), book.bids(), true);
        return root.put("lastUpdateId", Long.toString(lastUpdateId)).put("timestamp", micros(Instant.now()));
    }

    static void levels(ArrayNode array, List<PriceLevel> levels, boolean reverse) {
        List<PriceLevel> ordered = levels;
        if (reverse) {
            ordered = new java.util.ArrayList<>(levels);
            java.util.Collections.reverse(ordered);
        }
        for (PriceLevel level : ordered) {
            array.addArray().add(plain(level.price())).add(plain(level.quantity()));
        }
    }

    // --- private data ---

    /** A REST order ({@code LimitOrder} / {@code MarketOrder} tagged by {@code orderType}). */
    ObjectNode order(Order order) {
        Instrument instrument = instrument(order.symbol());
        ObjectNode node = JSON.createObjectNode()
                .put("orderType", order.type() == OrderType.MARKET ? "Market" : "Limit")
                .put("id", orderId(order));
        Optional<Long> clientId = clientId(order.clientOrderId());
        if (clientId.isPresent()) {
            node.put("clientId", clientId.get());
        } else {
            node.putNull("clientId");
        }
        node.put("symbol", venueSymbol(instrument)).put("side", side(order.side()))
                .put("quantity", plain(order.quantity())).put("executedQuantity", plain(order.filledQuantity()))
                .put("executedQuoteQuantity", plain(order.averagePrice() == null ? BigDecimal.ZERO
                        : order.averagePrice().multiply(order.filledQuantity())));
        if (order.type() == OrderType.LIMIT) {
            node.put("price", plain(order.price())).put("postOnly", order.timeInForce() == TimeInForce.POST_ONLY);
        }
        return node.put("timeInForce", order.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC")
                .put("selfTradePrevention", "RejectTaker").put("reduceOnly", order.reduceOnly())
                .put("status", status(order)).put("createdAt", order.createdAt().toEpochMilli());
    }

    static String status(Order order) {
        return switch (order.status()) {
            case NEW, OPEN, UNKNOWN -> "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            case CANCELED, REJECTED -> order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.IOC
                    ? "Expired" : "Cancelled";
        };
    }

    /** A {@code FuturePosition}. */
    ObjectNode position(Position p) {
        Instrument instrument = instrument(p.symbol());
        BigDecimal mark = p.markPrice() == null ? BigDecimal.ZERO : p.markPrice();
        return JSON.createObjectNode().put("breakEvenPrice", plain(p.entryPrice()))
                .put("cumulativeFundingPayment", plain(p.fundingAccrued() == null ? BigDecimal.ZERO : p.fundingAccrued()))
                .put("cumulativeInterest", "0").put("entryPrice", plain(p.entryPrice()))
                .put("estLiquidationPrice", p.liquidationPrice() == null ? "0" : plain(p.liquidationPrice()))
                .put("imf", "0.02").put("markPrice", plain(mark)).put("mmf", "0.0125")
                .put("netCost", plain(p.quantity().multiply(p.entryPrice())))
                .put("netExposureNotional", plain(p.quantity().abs().multiply(mark)))
                .put("netExposureQuantity", plain(p.quantity().abs())).put("netQuantity", plain(p.quantity()))
                .put("pnlRealized", "0").put("pnlUnrealized", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO
                        : p.unrealizedPnl()))
                .put("positionId", Integer.toString(Math.abs(p.symbol().hashCode()))).putNull("subaccountId")
                .put("symbol", venueSymbol(instrument)).put("userId", 4242);
    }

    ObjectNode collateral() {
        Balance balance = sim.balances().get(0);
        BigDecimal unrealized = sim.positions().stream().map(Position::unrealizedPnl)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode root = JSON.createObjectNode().put("assetsValue", plain(balance.total()))
                .put("borrowLiability", "0").put("imf", "0.02").put("unsettledEquity", plain(unrealized))
                .put("liabilitiesValue", "0").put("marginFraction", (String) null).put("mmf", "0.0125")
                .put("netEquity", plain(balance.total())).put("netEquityAvailable", plain(balance.available()))
                .put("netEquityLocked", plain(balance.total().subtract(balance.available())))
                .put("netExposureFutures", "0").put("pnlUnrealized", plain(unrealized));
        root.putArray("collateral").addObject().put("symbol", QUOTE).put("assetMarkPrice", "1")
                .put("totalQuantity", plain(balance.total())).put("balanceNotional", plain(balance.total()))
                .put("collateralWeight", "1").put("collateralValue", plain(balance.total()))
                .put("openOrderQuantity", "0").put("lendQuantity", "0")
                .put("availableQuantity", plain(balance.available()));
        return root;
    }

    ObjectNode capital() {
        Balance balance = sim.balances().get(0);
        ObjectNode root = JSON.createObjectNode();
        root.putObject(QUOTE).put("available", plain(balance.available()))
                .put("locked", plain(balance.total().subtract(balance.available()))).put("staked", "0");
        return root;
    }

    /** A fill history row: ids, {@code isMaker}, fee, and the time as a UTC date-time. */
    ObjectNode fill(Fill fill) {
        ObjectNode row = JSON.createObjectNode().put("tradeId", tradeId(fill));
        Optional<Long> clientId = clientId(fill.clientOrderId());
        if (clientId.isPresent()) {
            row.put("clientId", clientId.get().toString());
        } else {
            row.putNull("clientId");
        }
        return row.put("orderId", fill.venueOrderId() == null ? "0" : orderId(fill.venueOrderId()))
                .put("symbol", venueSymbol(instrument(fill.symbol()))).put("feeSymbol", QUOTE)
                .put("price", plain(fill.price())).put("quantity", plain(fill.quantity()))
                .put("fee", plain(fill.fee())).put("side", side(fill.side()))
                .put("timestamp", LocalDateTime.ofInstant(fill.timestamp(), ZoneOffset.UTC).toString())
                .put("isMaker", fill.liquidity() == Liquidity.MAKER)
                .put("systemOrderType", fill.clientOrderId() == null && fill.venueOrderId() == null
                        ? "LiquidatePositionOnBook" : null);
    }

    // --- stream events ---

    /** An {@code account.orderUpdate} event; {@code fill} is set for {@code orderFill}. */
    ObjectNode orderUpdate(String event, Order order, Fill fill) {
        Instant at = fill != null ? fill.timestamp() : order.updatedAt() != null ? order.updatedAt() : Instant.now();
        ObjectNode e = JSON.createObjectNode().put("e", event).put("E", micros(Instant.now()))
                .put("s", venueSymbol(instrument(order.symbol())));
        clientId(order.clientOrderId()).ifPresent(id -> e.put("c", id));
        e.put("S", side(order.side())).put("o", order.type() == OrderType.MARKET ? "MARKET" : "LIMIT")
                .put("f", order.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC").put("q", plain(order.quantity()))
                .put("Q", "0");
        if (order.price() != null) {
            e.put("p", plain(order.price()));
        }
        e.put("X", status(order)).put("i", orderId(order)).put("z", plain(order.filledQuantity()))
                .put("Z", plain(order.averagePrice() == null ? BigDecimal.ZERO
                        : order.averagePrice().multiply(order.filledQuantity())))
                .put("V", "RejectTaker").put("T", micros(at)).put("O", "USER").put("r", order.reduceOnly());
        if (fill != null) {
            e.put("t", tradeId(fill)).put("l", plain(fill.quantity())).put("L", plain(fill.price()))
                    .put("m", fill.liquidity() == Liquidity.MAKER).put("n", plain(fill.fee())).put("N", QUOTE);
        } else {
            e.putNull("t");
        }
        return e;
    }

    /** An {@code account.positionUpdate} event. */
    ObjectNode positionUpdate(Position p, String event) {
        BigDecimal mark = p.markPrice() == null ? BigDecimal.ZERO : p.markPrice();
        return JSON.createObjectNode().put("e", event).put("E", micros(Instant.now()))
                .put("s", venueSymbol(instrument(p.symbol()))).put("b", plain(p.entryPrice()))
                .put("B", plain(p.entryPrice()))
                .put("l", p.liquidationPrice() == null ? "0" : plain(p.liquidationPrice())).put("f", "0.02")
                .put("M", plain(mark)).put("m", "0.0125").put("q", plain(p.quantity()))
                .put("Q", plain(p.quantity().abs())).put("n", plain(p.quantity().abs().multiply(mark)))
                .put("i", Integer.toString(Math.abs(p.symbol().hashCode()))).put("p", "0")
                .put("P", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO : p.unrealizedPnl()))
                .put("T", micros(p.timestamp()));
    }

    // --- helpers ---

    Map<String, BigDecimal> marks() {
        Map<String, BigDecimal> marks = new java.util.HashMap<>();
        sim.fundingRates().forEach(r -> marks.put(r.symbol(), r.markPrice()));
        return marks;
    }

    static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static boolean isWorking(Order order) {
        return order.status() == OrderStatus.OPEN || order.status() == OrderStatus.NEW
                || order.status() == OrderStatus.PARTIALLY_FILLED;
    }
}

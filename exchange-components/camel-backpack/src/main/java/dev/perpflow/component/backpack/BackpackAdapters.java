package dev.perpflow.component.backpack;

import static dev.perpflow.exchange.dto.Payloads.micros;
import static dev.perpflow.exchange.dto.Payloads.millis;
import static dev.perpflow.exchange.dto.Payloads.millisOr;
import static dev.perpflow.exchange.dto.Payloads.nonZero;
import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.backpack.dto.BackpackCollateral;
import dev.perpflow.component.backpack.dto.BackpackDepth;
import dev.perpflow.component.backpack.dto.BackpackFill;
import dev.perpflow.component.backpack.dto.BackpackMarkPrice;
import dev.perpflow.component.backpack.dto.BackpackMarket;
import dev.perpflow.component.backpack.dto.BackpackOrder;
import dev.perpflow.component.backpack.dto.BackpackOrderUpdate;
import dev.perpflow.component.backpack.dto.BackpackPosition;
import dev.perpflow.component.backpack.dto.BackpackPositionUpdate;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backpack's payload records to perpflow's model, and an {@link OrderRequest} to Backpack's order body. Static and
 * pure: the venue name, "now" and the client order id (perpflow's string for Backpack's u32 {@code clientId}, see
 * {@link BackpackClientIds}) come in as arguments. A payload missing a field the model needs is a venue error naming
 * the field ({@link Payloads}).
 */
public final class BackpackAdapters {

    static final long MILLIS_PER_HOUR = 3_600_000L;
    /** Interval assumed for a perpetual whose market lists none (the seed's assumption for Backpack). */
    static final int DEFAULT_FUNDING_INTERVAL_HOURS = 1;
    /** Max leverage assumed when a market has no leverage filter. */
    static final int DEFAULT_MAX_LEVERAGE = 10;

    private BackpackAdapters() {
    }

    // --- markets and market data ---

    /** Whether a {@code /api/v1/markets} entry is a USDC perpetual that takes orders. */
    public static boolean isTradablePerpetual(BackpackMarket market) {
        String state = market.orderBookState() == null ? "Open" : market.orderBookState();
        return "PERP".equals(market.marketType()) && BackpackSymbols.parse(market.symbol()).isPresent()
                && !Boolean.FALSE.equals(market.visible())
                && (state.equals("Open") || state.equals("LimitOnly") || state.equals("PostOnly"));
    }

    public static Instrument instrument(String venue, BackpackMarket market) {
        String venueSymbol = required(venue, market.symbol(), "symbol", market);
        BackpackSymbols.Parsed parsed = BackpackSymbols.parse(venueSymbol)
                .orElseThrow(() -> new ExchangeException(venue, venueSymbol + " is not a USDC perpetual"));
        BackpackMarket.Filters filters = required(venue, market.filters(), "filters", market);
        BigDecimal tick = required(venue, required(venue, filters.price(), "price", market).tickSize(), "tickSize",
                market);
        BigDecimal step = required(venue, required(venue, filters.quantity(), "quantity", market).stepSize(),
                "stepSize", market);
        int maxLeverage = filters.leverage() != null && filters.leverage().maxLeverage() != null
                ? filters.leverage().maxLeverage().intValue() : DEFAULT_MAX_LEVERAGE;
        // Backpack has no minimum notional, only a minimum quantity per market
        return new Instrument(venue, parsed.symbol(), venueSymbol, BackpackSymbols.QUOTE, tick, step, BigDecimal.ZERO,
                Math.max(1, maxLeverage), fundingIntervalHours(market), parsed.multiplier());
    }

    /** {@code fundingInterval} (milliseconds) in whole hours, at least one. */
    static int fundingIntervalHours(BackpackMarket market) {
        if (market.fundingInterval() == null) {
            return DEFAULT_FUNDING_INTERVAL_HOURS;
        }
        long millis = market.fundingInterval().longValue();
        return (int) Math.max(1, Math.round((double) millis / MILLIS_PER_HOUR));
    }

    /** A {@code markPrices} row: the rate of the current interval, with the market's own interval. */
    public static FundingRate fundingRate(String venue, BackpackMarkPrice row, Instrument instrument, Instant now) {
        return new FundingRate(venue, instrument.symbol(), required(venue, row.fundingRate(), "fundingRate", row),
                instrument.fundingIntervalHours(), null, row.markPrice(), row.indexPrice(),
                millisOr(row.nextFundingTimestamp(), null), now);
    }

    public static OrderBook book(String venue, BackpackDepth depth, String symbol, int levels, Instant now) {
        return new OrderBook(venue, symbol, levels(venue, depth.bids(), levels, true),
                levels(venue, depth.asks(), levels, false), depth.lastUpdateId(),
                depth.timestamp() == null ? now : micros(venue, depth.timestamp(), "timestamp", depth));
    }

    /** Price levels best first (Backpack lists both sides ascending by price). */
    public static List<PriceLevel> levels(String venue, List<List<BigDecimal>> pairs, int depth, boolean bids) {
        List<PriceLevel> levels = new ArrayList<>(Payloads.levels(venue, pairs, Integer.MAX_VALUE));
        levels.sort((a, b) -> bids ? b.price().compareTo(a.price()) : a.price().compareTo(b.price()));
        return levels.size() > depth ? List.copyOf(levels.subList(0, depth)) : levels;
    }

    // --- orders and fills ---

    /** An order's JSON body, fields in Backpack's documented order; {@code clientId} is the u32 venue id. */
    public static ObjectNode orderBody(ObjectMapper json, OrderRequest request, String venueSymbol, long clientId) {
        ObjectNode body = json.createObjectNode().put("clientId", clientId)
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
        body.put("side", venueSide(request.side())).put("symbol", venueSymbol);
        if (request.type() == OrderType.LIMIT) {
            body.put("timeInForce", request.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
        }
        return body;
    }

    /** A REST order ({@code orderType}-tagged {@code LimitOrder} / {@code MarketOrder}). */
    public static Order order(String venue, BackpackOrder o, String symbol, String clientOrderId) {
        BigDecimal executed = required(venue, o.executedQuantity(), "executedQuantity", o);
        OrderType type = orderType(required(venue, o.orderType(), "orderType", o));
        Instant created = millis(venue, o.createdAt(), "createdAt", o);
        return new Order(venue, clientOrderId, required(venue, o.id(), "id", o), symbol, side(venue, o.side()), type,
                timeInForce(o.timeInForce() == null ? "GTC" : o.timeInForce(), Boolean.TRUE.equals(o.postOnly())),
                o.quantity() == null ? executed : o.quantity(), type == OrderType.MARKET ? null : o.price(), executed,
                average(o.executedQuoteQuantity(), executed), status(required(venue, o.status(), "status", o)),
                Boolean.TRUE.equals(o.reduceOnly()), null, created, created);
    }

    /** The order view of an {@code account.orderUpdate} event. */
    public static Order order(String venue, BackpackOrderUpdate e, String symbol, String clientOrderId) {
        BigDecimal executed = required(venue, e.executedQuantity(), "z", e);
        OrderType type = orderType(required(venue, e.orderType(), "o", e));
        Instant at = micros(venue, e.engineTime(), "T", e);
        return new Order(venue, clientOrderId, required(venue, e.orderId(), "i", e), symbol, side(venue, e.side()),
                type, timeInForce(e.timeInForce() == null ? "GTC" : e.timeInForce(), false),
                e.quantity() == null || e.quantity().compareTo(executed) < 0 ? executed : e.quantity(),
                type == OrderType.MARKET ? null : e.price(), executed, average(e.executedQuoteQuantity(), executed),
                status(required(venue, e.status(), "X", e)), Boolean.TRUE.equals(e.reduceOnly()), null, at, at);
    }

    /** The fill of an {@code orderFill} event. */
    public static Fill fill(String venue, BackpackOrderUpdate e, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, e.tradeId(), "t", e), clientOrderId, required(venue, e.orderId(), "i", e),
                symbol, side(venue, e.side()), required(venue, e.fillPrice(), "L", e),
                required(venue, e.fillQuantity(), "l", e), orZero(e.fee()),
                e.feeSymbol() == null ? "USDC" : e.feeSymbol(),
                Boolean.TRUE.equals(e.maker()) ? Liquidity.MAKER : Liquidity.TAKER, micros(venue, e.engineTime(), "T", e));
    }

    /** One {@code /wapi/v1/history/fills} row. */
    public static Fill fill(String venue, BackpackFill f, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, f.tradeId(), "tradeId", f), clientOrderId,
                required(venue, f.orderId(), "orderId", f), symbol, side(venue, f.side()),
                required(venue, f.price(), "price", f), required(venue, f.quantity(), "quantity", f), orZero(f.fee()),
                f.feeSymbol() == null ? "USDC" : f.feeSymbol(),
                Boolean.TRUE.equals(f.isMaker()) ? Liquidity.MAKER : Liquidity.TAKER,
                dateTime(venue, required(venue, f.timestamp(), "timestamp", f)));
    }

    // --- account ---

    /** A {@code FuturePosition} from {@code /api/v1/position}. */
    public static Position position(String venue, BackpackPosition p, String symbol, Instant at) {
        return new Position(venue, symbol, required(venue, p.netQuantity(), "netQuantity", p),
                required(venue, p.entryPrice(), "entryPrice", p), p.markPrice(), nonZero(p.estLiquidationPrice()),
                p.pnlUnrealized(), p.cumulativeFundingPayment(), null, null, at);
    }

    /** An {@code account.positionUpdate} event. */
    public static Position position(String venue, BackpackPositionUpdate e, String symbol) {
        return new Position(venue, symbol, required(venue, e.netQuantity(), "q", e), required(venue, e.entryPrice(), "B", e),
                e.markPrice(), nonZero(e.liquidationPrice()), e.pnlUnrealized(), null, null, null,
                micros(venue, e.engineTime(), "T", e));
    }

    /** The account's USDC collateral: net equity (uPnL included) and what is available for new orders. */
    public static Balance balance(String venue, BackpackCollateral c, Instant at) {
        return new Balance(venue, BackpackSymbols.QUOTE, required(venue, c.netEquity(), "netEquity", c),
                required(venue, c.netEquityAvailable(), "netEquityAvailable", c), at);
    }

    // --- enums and units ---

    public static OrderStatus status(String status) {
        return switch (status) {
            case "New", "TriggerPending", "Triggered" -> OrderStatus.OPEN;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "Expired" -> OrderStatus.CANCELED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    public static String venueSide(Side side) {
        return side == Side.BUY ? "Bid" : "Ask";
    }

    static Side side(String venue, String side) {
        return switch (String.valueOf(side)) {
            case "Bid" -> Side.BUY;
            case "Ask" -> Side.SELL;
            default -> throw new ExchangeException(venue, "unknown side '" + side + "'");
        };
    }

    private static OrderType orderType(String type) {
        return "MARKET".equals(type.toUpperCase(Locale.ROOT)) ? OrderType.MARKET : OrderType.LIMIT;
    }

    private static TimeInForce timeInForce(String value, boolean postOnly) {
        if (postOnly) {
            return TimeInForce.POST_ONLY;
        }
        return switch (value) {
            case "IOC", "FOK" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
    }

    private static BigDecimal average(BigDecimal quote, BigDecimal executed) {
        if (quote == null || executed.signum() == 0) {
            return null;
        }
        return quote.divide(executed, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** An ISO date-time without zone (UTC, as Backpack writes fill times) or epoch milliseconds. */
    static Instant dateTime(String venue, String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ExchangeException(venue, "'timestamp' is not a date-time: " + value);
        }
    }
}

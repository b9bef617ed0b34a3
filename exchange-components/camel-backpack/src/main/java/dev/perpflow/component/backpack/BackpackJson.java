package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backpack's JSON (REST answers and stream events) to perpflow's model. Wire units: REST times in epoch
 * milliseconds (fills: an ISO date-time in UTC), stream and depth times in epoch microseconds, numbers as decimal
 * strings, sides {@code Bid}/{@code Ask}. A payload missing a field the model needs is a venue error naming the
 * field, never an NPE or a silently wrong value.
 */
final class BackpackJson {

    static final long MILLIS_PER_HOUR = 3_600_000L;
    /** Interval assumed for a perpetual whose market lists none (the seed's assumption for Backpack). */
    static final int DEFAULT_FUNDING_INTERVAL_HOURS = 1;
    /** Max leverage assumed when a market has no leverage filter. */
    static final int DEFAULT_MAX_LEVERAGE = 10;

    private final String venue;

    BackpackJson(String venue) {
        this.venue = venue;
    }

    String venueName() {
        return venue;
    }

    // --- markets ---

    /** Whether a {@code /api/v1/markets} entry is a USDC perpetual that takes orders. */
    static boolean isTradablePerpetual(JsonNode market) {
        String state = market.path("orderBookState").asText("Open");
        return "PERP".equals(market.path("marketType").asText())
                && BackpackSymbols.parse(market.path("symbol").asText()).isPresent()
                && market.path("visible").asBoolean(true)
                && (state.equals("Open") || state.equals("LimitOnly") || state.equals("PostOnly"));
    }

    Instrument instrument(JsonNode market) {
        String venueSymbol = text(market, "symbol");
        BackpackSymbols.Parsed parsed = BackpackSymbols.parse(venueSymbol)
                .orElseThrow(() -> new ExchangeException(venue, venueSymbol + " is not a USDC perpetual"));
        JsonNode filters = market.path("filters");
        BigDecimal tick = decimal(filters.path("price"), "tickSize");
        BigDecimal step = decimal(filters.path("quantity"), "stepSize");
        JsonNode leverage = filters.path("leverage");
        int maxLeverage = leverage.hasNonNull("maxLeverage")
                ? decimal(leverage, "maxLeverage").intValue() : DEFAULT_MAX_LEVERAGE;
        // Backpack has no minimum notional, only a minimum quantity per market
        return new Instrument(venue, parsed.symbol(), venueSymbol, BackpackSymbols.QUOTE, tick, step, BigDecimal.ZERO,
                Math.max(1, maxLeverage), fundingIntervalHours(market), parsed.multiplier());
    }

    /** {@code fundingInterval} (milliseconds) in whole hours, at least one. */
    int fundingIntervalHours(JsonNode market) {
        JsonNode interval = market.get("fundingInterval");
        if (interval == null || interval.isNull()) {
            return DEFAULT_FUNDING_INTERVAL_HOURS;
        }
        long millis = new BigDecimal(interval.asText("0")).longValue();
        return (int) Math.max(1, Math.round((double) millis / MILLIS_PER_HOUR));
    }

    // --- orders and fills ---

    /** A REST order ({@code orderType}-tagged {@code LimitOrder} / {@code MarketOrder}). */
    Order order(JsonNode node, String symbol, String clientOrderId) {
        BigDecimal executed = decimal(node, "executedQuantity");
        BigDecimal quantity = optionalDecimal(node, "quantity");
        OrderType type = orderType(text(node, "orderType"));
        Instant created = millis(node, "createdAt");
        return new Order(venue, clientOrderId, text(node, "id"), symbol, side(text(node, "side")), type,
                timeInForce(node.path("timeInForce").asText("GTC"), node.path("postOnly").asBoolean(false)),
                quantity == null ? executed : quantity, type == OrderType.MARKET ? null : optionalDecimal(node, "price"),
                executed, average(optionalDecimal(node, "executedQuoteQuantity"), executed),
                status(text(node, "status")), node.path("reduceOnly").asBoolean(false), null, created, created);
    }

    /** The order view of an {@code account.orderUpdate} event. */
    Order orderUpdate(JsonNode e, String symbol, String clientOrderId) {
        BigDecimal executed = decimal(e, "z");
        BigDecimal quantity = optionalDecimal(e, "q");
        OrderType type = orderType(text(e, "o"));
        Instant at = micros(e, "T");
        return new Order(venue, clientOrderId, text(e, "i"), symbol, side(text(e, "S")), type,
                timeInForce(e.path("f").asText("GTC"), false),
                quantity == null || quantity.compareTo(executed) < 0 ? executed : quantity,
                type == OrderType.MARKET ? null : optionalDecimal(e, "p"), executed,
                average(optionalDecimal(e, "Z"), executed), status(text(e, "X")), e.path("r").asBoolean(false),
                null, at, at);
    }

    /** The fill of an {@code orderFill} event. */
    Fill fillUpdate(JsonNode e, String symbol, String clientOrderId) {
        return new Fill(venue, text(e, "t"), clientOrderId, text(e, "i"), symbol, side(text(e, "S")), decimal(e, "L"),
                decimal(e, "l"), e.hasNonNull("n") ? decimal(e, "n") : BigDecimal.ZERO, e.path("N").asText("USDC"),
                e.path("m").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER, micros(e, "T"));
    }

    /** One {@code /wapi/v1/history/fills} row. */
    Fill fill(JsonNode node, String symbol, String clientOrderId) {
        return new Fill(venue, text(node, "tradeId"), clientOrderId, text(node, "orderId"), symbol,
                side(text(node, "side")), decimal(node, "price"), decimal(node, "quantity"),
                node.hasNonNull("fee") ? decimal(node, "fee") : BigDecimal.ZERO, node.path("feeSymbol").asText("USDC"),
                node.path("isMaker").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER, dateTime(node, "timestamp"));
    }

    // --- account ---

    /** A {@code FuturePosition} from {@code /api/v1/position}. */
    Position position(JsonNode node, String symbol, Instant at) {
        BigDecimal liquidation = optionalDecimal(node, "estLiquidationPrice");
        return new Position(venue, symbol, decimal(node, "netQuantity"), decimal(node, "entryPrice"),
                optionalDecimal(node, "markPrice"), liquidation == null || liquidation.signum() == 0 ? null : liquidation,
                optionalDecimal(node, "pnlUnrealized"), optionalDecimal(node, "cumulativeFundingPayment"), null, null,
                at);
    }

    /** An {@code account.positionUpdate} event ({@code q} net quantity, {@code B} entry, {@code M} mark, ...). */
    Position positionUpdate(JsonNode e, String symbol) {
        BigDecimal liquidation = optionalDecimal(e, "l");
        return new Position(venue, symbol, decimal(e, "q"), decimal(e, "B"), optionalDecimal(e, "M"),
                liquidation == null || liquidation.signum() == 0 ? null : liquidation, optionalDecimal(e, "P"), null,
                null, null, micros(e, "T"));
    }

    /** The account's USDC collateral from {@code /api/v1/capital/collateral}: net equity and what is available. */
    Balance balance(JsonNode collateral, Instant at) {
        return new Balance(venue, BackpackSymbols.QUOTE, decimal(collateral, "netEquity"),
                decimal(collateral, "netEquityAvailable"), at);
    }

    // --- books ---

    OrderBook book(JsonNode node, String symbol, int depth) {
        return new OrderBook(venue, symbol, levels(node.path("bids"), depth, true),
                levels(node.path("asks"), depth, false), updateId(node, "lastUpdateId"),
                node.hasNonNull("timestamp") ? micros(node, "timestamp") : Instant.now());
    }

    /** Price levels best first (Backpack lists depth asks and bids ascending by price). */
    List<PriceLevel> levels(JsonNode array, int depth, boolean bids) {
        List<PriceLevel> levels = new ArrayList<>();
        for (JsonNode level : array) {
            if (!level.isArray() || level.size() < 2) {
                throw new ExchangeException(venue, "book level is not [price, quantity]: " + level);
            }
            levels.add(new PriceLevel(number(level.get(0).asText(), "price"), number(level.get(1).asText(), "quantity")));
        }
        levels.sort((a, b) -> bids ? b.price().compareTo(a.price()) : a.price().compareTo(b.price()));
        return levels.size() > depth ? List.copyOf(levels.subList(0, depth)) : levels;
    }

    long updateId(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ExchangeException(venue, "'" + field + "' is not an update id: " + value);
        }
    }

    // --- enums ---

    static OrderStatus status(String status) {
        return switch (status) {
            case "New", "TriggerPending", "Triggered" -> OrderStatus.OPEN;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "Expired" -> OrderStatus.CANCELED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static String venueSide(Side side) {
        return side == Side.BUY ? "Bid" : "Ask";
    }

    Side side(String side) {
        return switch (side) {
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

    // --- fields ---

    String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ExchangeException(venue, "payload has no '" + field + "': " + abbreviate(node));
        }
        return value.asText();
    }

    BigDecimal decimal(JsonNode node, String field) {
        return number(text(node, field), field);
    }

    BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        return decimal(node, field);
    }

    private BigDecimal number(String value, String field) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ExchangeException(venue, "'" + field + "' is not a number: " + value);
        }
    }

    Instant millis(JsonNode node, String field) {
        return Instant.ofEpochMilli(epoch(node, field));
    }

    Instant micros(JsonNode node, String field) {
        long micros = epoch(node, field);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** An ISO date-time without zone (UTC, as Backpack writes fill times) or epoch milliseconds. */
    Instant dateTime(JsonNode node, String field) {
        String value = text(node, field);
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ExchangeException(venue, "'" + field + "' is not a date-time: " + value);
        }
    }

    private long epoch(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ExchangeException(venue, "payload has no time '" + field + "': " + abbreviate(node));
        }
        try {
            return value.canConvertToLong() ? value.asLong() : Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new ExchangeException(venue, "'" + field + "' is not a time: " + value.asText());
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

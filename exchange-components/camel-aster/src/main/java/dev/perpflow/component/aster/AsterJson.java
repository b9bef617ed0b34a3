package dev.perpflow.component.aster;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Aster's JSON shapes (REST answers and user-stream events) to perpflow's model. A payload missing a field the
 * model needs is a venue error naming the field, never a silently wrong value.
 */
final class AsterJson {

    private final String venue;

    AsterJson(String venue) {
        this.venue = venue;
    }

    String venueName() {
        return venue;
    }

    /** One {@code exchangeInfo} market, when it is a trading USDT perpetual. */
    Instrument instrument(JsonNode market, int fundingIntervalHours, int maxLeverage) {
        String venueSymbol = text(market, "symbol");
        AsterSymbols.Parsed parsed = AsterSymbols.parse(venueSymbol).orElseThrow();
        BigDecimal tick = null;
        BigDecimal lot = null;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (JsonNode filter : market.path("filters")) {
            switch (filter.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = decimal(filter, "tickSize");
                case "LOT_SIZE" -> lot = decimal(filter, "stepSize");
                case "MIN_NOTIONAL" -> minNotional = decimal(filter, "notional");
                default -> { }
            }
        }
        if (tick == null || lot == null) {
            throw new ExchangeException(venue, venueSymbol + " has no PRICE_FILTER/LOT_SIZE in exchangeInfo");
        }
        return new Instrument(venue, parsed.symbol(), venueSymbol, text(market, "quoteAsset"), tick, lot, minNotional,
                maxLeverage, fundingIntervalHours, parsed.multiplier());
    }

    static boolean isTradingPerpetual(JsonNode market) {
        return "PERPETUAL".equals(market.path("contractType").asText())
                && "TRADING".equals(market.path("status").asText())
                && AsterSymbols.parse(market.path("symbol").asText()).isPresent();
    }

    /** An order from REST ({@code /fapi/v1/order}) fields. */
    Order order(JsonNode node, String symbol) {
        BigDecimal quantity = decimal(node, "origQty");
        BigDecimal filled = decimal(node, "executedQty");
        BigDecimal average = optionalDecimal(node, "avgPrice");
        String type = text(node, "type");
        Instant created = millis(node, node.has("time") ? "time" : "updateTime");
        return new Order(venue, text(node, "clientOrderId"), text(node, "orderId"), symbol, side(text(node, "side")),
                orderType(type), timeInForce(node.path("timeInForce").asText("GTC")), quantity,
                "MARKET".equals(type) ? null : optionalDecimal(node, "price"), filled,
                filled.signum() == 0 ? null : average, status(text(node, "status")),
                node.path("reduceOnly").asBoolean(false), null, created, millis(node, "updateTime"));
    }

    /** The order view carried by an {@code ORDER_TRADE_UPDATE} event ({@code o} object). */
    Order order(JsonNode o, String symbol, Instant at) {
        BigDecimal filled = decimal(o, "z");
        String type = text(o, "o");
        return new Order(venue, text(o, "c"), text(o, "i"), symbol, side(text(o, "S")), orderType(type),
                timeInForce(o.path("f").asText("GTC")), decimal(o, "q"),
                "MARKET".equals(type) ? null : optionalDecimal(o, "p"), filled,
                filled.signum() == 0 ? null : optionalDecimal(o, "ap"), status(text(o, "X")),
                o.path("R").asBoolean(false), null, at, at);
    }

    /** The fill in an {@code ORDER_TRADE_UPDATE} event whose execution type is TRADE. */
    Fill fill(JsonNode o, String symbol) {
        return new Fill(venue, text(o, "t"), text(o, "c"), text(o, "i"), symbol, side(text(o, "S")), decimal(o, "L"),
                decimal(o, "l"), feeOrZero(o, "n"), o.path("N").asText("USDT"),
                o.path("m").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER, millis(o, "T"));
    }

    /** One {@code userTrades} row; the client order id comes from the caller (the venue reports the order id). */
    Fill trade(JsonNode node, String symbol, String clientOrderId) {
        return new Fill(venue, text(node, "id"), clientOrderId, text(node, "orderId"), symbol, side(text(node, "side")),
                decimal(node, "price"), decimal(node, "qty"), feeOrZero(node, "commission"),
                node.path("commissionAsset").asText("USDT"),
                node.path("maker").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER, millis(node, "time"));
    }

    Position position(JsonNode node, String symbol) {
        BigDecimal liquidation = optionalDecimal(node, "liquidationPrice");
        return new Position(venue, symbol, decimal(node, "positionAmt"), decimal(node, "entryPrice"),
                optionalDecimal(node, "markPrice"),
                liquidation == null || liquidation.signum() == 0 ? null : liquidation,
                optionalDecimal(node, "unRealizedProfit"), null, optionalDecimal(node, "isolatedMargin"),
                optionalDecimal(node, "leverage"), node.has("updateTime") && node.path("updateTime").asLong() > 0
                        ? millis(node, "updateTime") : Instant.now());
    }

    /** A position from an {@code ACCOUNT_UPDATE} event's {@code a.P} entry. */
    Position position(JsonNode p, String symbol, Instant at) {
        return new Position(venue, symbol, decimal(p, "pa"), decimal(p, "ep"), null, null,
                optionalDecimal(p, "up"), null, optionalDecimal(p, "iw"), null, at);
    }

    Balance balance(JsonNode node) {
        BigDecimal wallet = decimal(node, "balance");
        BigDecimal unrealized = node.has("crossUnPnl") ? decimal(node, "crossUnPnl") : BigDecimal.ZERO;
        return new Balance(venue, text(node, "asset"), wallet.add(unrealized), decimal(node, "availableBalance"),
                node.path("updateTime").asLong() > 0 ? millis(node, "updateTime") : Instant.now());
    }

    OrderBook book(JsonNode node, String symbol, int depth) {
        return new OrderBook(venue, symbol, levels(node.path("bids"), depth), levels(node.path("asks"), depth),
                node.path("lastUpdateId").asLong(), node.has("E") ? millis(node, "E") : Instant.now());
    }

    static List<PriceLevel> levels(JsonNode array, int depth) {
        List<PriceLevel> levels = new ArrayList<>();
        for (JsonNode level : array) {
            if (levels.size() == depth) {
                break;
            }
            levels.add(new PriceLevel(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText())));
        }
        return levels;
    }

    static OrderStatus status(String status) {
        return switch (status) {
            case "NEW" -> OrderStatus.OPEN;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "EXPIRED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static String venueTimeInForce(TimeInForce timeInForce) {
        return switch (timeInForce) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> "GTX";
        };
    }

    private static TimeInForce timeInForce(String value) {
        return switch (value) {
            case "IOC", "FOK" -> TimeInForce.IOC;
            case "GTX" -> TimeInForce.POST_ONLY;
            default -> TimeInForce.GTC;
        };
    }

    private static OrderType orderType(String type) {
        return "MARKET".equals(type) ? OrderType.MARKET : OrderType.LIMIT;
    }

    private Side side(String side) {
        return switch (side) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new ExchangeException(venue, "unknown side '" + side + "'");
        };
    }

    String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ExchangeException(venue, "payload has no '" + field + "': " + abbreviate(node));
        }
        return value.asText();
    }

    BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ExchangeException(venue, "'" + field + "' is not a number: " + value);
        }
    }

    private BigDecimal feeOrZero(JsonNode node, String field) {
        return node.has(field) ? decimal(node, field) : BigDecimal.ZERO;
    }

    BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        return decimal(node, field);
    }

    Instant millis(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new ExchangeException(venue, "payload has no time '" + field + "': " + abbreviate(node));
        }
        return Instant.ofEpochMilli(value.asLong());
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

package dev.perpflow.component.aster;

import static dev.perpflow.exchange.dto.Payloads.millis;
import static dev.perpflow.exchange.dto.Payloads.millisOr;
import static dev.perpflow.exchange.dto.Payloads.nonZero;
import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import dev.perpflow.component.aster.dto.AsterBalance;
import dev.perpflow.component.aster.dto.AsterBookTicker;
import dev.perpflow.component.aster.dto.AsterDepth;
import dev.perpflow.component.aster.dto.AsterExchangeInfo;
import dev.perpflow.component.aster.dto.AsterOrder;
import dev.perpflow.component.aster.dto.AsterPositionRisk;
import dev.perpflow.component.aster.dto.AsterPremiumIndex;
import dev.perpflow.component.aster.dto.AsterTrade;
import dev.perpflow.component.aster.dto.AsterUserEvent;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
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
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.exchange.http.VenueRestApi;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Aster's payload records to perpflow's model, and an {@link OrderRequest} to Aster's order parameters. Static and
 * pure: the venue name and "now" come in as arguments. A payload missing a field the model needs is a venue error
 * naming the field ({@link Payloads}), never a silently wrong value.
 */
public final class AsterAdapters {

    private AsterAdapters() {
    }

    // --- markets and market data ---

    /** Whether an {@code exchangeInfo} market is a USDT perpetual that trades. */
    public static boolean isTradingPerpetual(AsterExchangeInfo.Symbol market) {
        return "PERPETUAL".equals(market.contractType()) && "TRADING".equals(market.status())
                && market.symbol() != null && AsterSymbols.parse(market.symbol()).isPresent();
    }

    /** One trading USDT perpetual with its funding interval and max leverage. */
    public static Instrument instrument(String venue, AsterExchangeInfo.Symbol market, int fundingIntervalHours,
            int maxLeverage) {
        String venueSymbol = required(venue, market.symbol(), "symbol", market);
        AsterSymbols.Parsed parsed = AsterSymbols.parse(venueSymbol).orElseThrow();
        BigDecimal tick = null;
        BigDecimal lot = null;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (AsterExchangeInfo.Filter filter : market.filters()) {
            switch (String.valueOf(filter.filterType())) {
                case "PRICE_FILTER" -> tick = required(venue, filter.tickSize(), "tickSize", filter);
                case "LOT_SIZE" -> lot = required(venue, filter.stepSize(), "stepSize", filter);
                case "MIN_NOTIONAL" -> minNotional = required(venue, filter.notional(), "notional", filter);
                default -> { }
            }
        }
        if (tick == null || lot == null) {
            throw new ExchangeException(venue, venueSymbol + " has no PRICE_FILTER/LOT_SIZE in exchangeInfo");
        }
        return new Instrument(venue, parsed.symbol(), venueSymbol, required(venue, market.quoteAsset(), "quoteAsset",
                market), tick, lot, minNotional, maxLeverage, fundingIntervalHours, parsed.multiplier());
    }

    /** A {@code premiumIndex} row's funding, with the market's interval; {@code now} when the row has no time. */
    public static FundingRate fundingRate(String venue, AsterPremiumIndex row, Instrument instrument, Instant now) {
        return new FundingRate(venue, instrument.symbol(),
                required(venue, row.lastFundingRate(), "lastFundingRate", row), instrument.fundingIntervalHours(),
                null, row.markPrice(), row.indexPrice(), millisOr(row.nextFundingTime(), null),
                millisOr(row.time(), now));
    }

    public static OrderBook book(String venue, AsterDepth depth, String symbol, int levels, Instant now) {
        return new OrderBook(venue, symbol, Payloads.levels(venue, depth.bids(), levels),
                Payloads.levels(venue, depth.asks(), levels), depth.lastUpdateId(), millisOr(depth.eventTime(), now));
    }

    public static Bbo bbo(String venue, AsterBookTicker ticker, String symbol, Instant now) {
        return new Bbo(venue, symbol, required(venue, ticker.bidPrice(), "bidPrice", ticker),
                required(venue, ticker.bidQty(), "bidQty", ticker), required(venue, ticker.askPrice(), "askPrice", ticker),
                required(venue, ticker.askQty(), "askQty", ticker), millisOr(ticker.time(), now));
    }

    // --- orders and fills ---

    /** An order's parameters in the order Aster documents them ({@code newOrderRespType=RESULT}: the final view). */
    public static Map<String, String> orderParams(OrderRequest request, String venueSymbol) {
        Map<String, String> params = VenueRestApi.params("symbol", venueSymbol, "side", request.side().name(),
                "type", request.type().name());
        if (request.type() == OrderType.LIMIT) {
            params.put("timeInForce", venueTimeInForce(request.timeInForce()));
        }
        params.put("quantity", request.quantity().toPlainString());
        if (request.type() == OrderType.LIMIT) {
            params.put("price", request.price().toPlainString());
        }
        if (request.reduceOnly()) {
            params.put("reduceOnly", "true");
        }
        params.put("newClientOrderId", request.clientOrderId());
        params.put("newOrderRespType", "RESULT");
        return params;
    }

    /** An order from REST ({@code /fapi/v1/order}, {@code openOrders}, {@code allOrders}). */
    public static Order order(String venue, AsterOrder o, String symbol) {
        BigDecimal filled = required(venue, o.executedQty(), "executedQty", o);
        String type = required(venue, o.type(), "type", o);
        Instant created = millis(venue, o.time() != null ? o.time() : o.updateTime(), "time", o);
        return new Order(venue, required(venue, o.clientOrderId(), "clientOrderId", o),
                required(venue, o.orderId(), "orderId", o), symbol, side(venue, o.side()), orderType(type),
                timeInForce(o.timeInForce() == null ? "GTC" : o.timeInForce()),
                required(venue, o.origQty(), "origQty", o), "MARKET".equals(type) ? null : o.price(), filled,
                filled.signum() == 0 ? null : o.avgPrice(), status(required(venue, o.status(), "status", o)),
                Boolean.TRUE.equals(o.reduceOnly()), null, created, millis(venue, o.updateTime(), "updateTime", o));
    }

    /** The order view of an {@code ORDER_TRADE_UPDATE} event at {@code at}. */
    public static Order order(String venue, AsterUserEvent.OrderUpdate o, String symbol, Instant at) {
        BigDecimal filled = required(venue, o.filledQuantity(), "z", o);
        String type = required(venue, o.type(), "o", o);
        return new Order(venue, required(venue, o.clientOrderId(), "c", o), required(venue, o.orderId(), "i", o),
                symbol, side(venue, o.side()), orderType(type),
                timeInForce(o.timeInForce() == null ? "GTC" : o.timeInForce()), required(venue, o.quantity(), "q", o),
                "MARKET".equals(type) ? null : o.price(), filled, filled.signum() == 0 ? null : o.averagePrice(),
                status(required(venue, o.status(), "X", o)), Boolean.TRUE.equals(o.reduceOnly()), null, at, at);
    }

    /** The fill in an {@code ORDER_TRADE_UPDATE} event whose execution type is TRADE. */
    public static Fill fill(String venue, AsterUserEvent.OrderUpdate o, String symbol) {
        return new Fill(venue, required(venue, o.tradeId(), "t", o), required(venue, o.clientOrderId(), "c", o),
                required(venue, o.orderId(), "i", o), symbol, side(venue, o.side()),
                required(venue, o.lastFilledPrice(), "L", o), required(venue, o.lastFilledQuantity(), "l", o),
                orZero(o.commission()), o.commissionAsset() == null ? "USDT" : o.commissionAsset(),
                Boolean.TRUE.equals(o.maker()) ? Liquidity.MAKER : Liquidity.TAKER,
                millis(venue, o.tradeTime(), "T", o));
    }

    /** One {@code userTrades} row; the client order id comes from the caller (the venue names the order id). */
    public static Fill trade(String venue, AsterTrade t, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, t.id(), "id", t), clientOrderId, required(venue, t.orderId(), "orderId", t),
                symbol, side(venue, t.side()), required(venue, t.price(), "price", t), required(venue, t.qty(), "qty", t),
                orZero(t.commission()), t.commissionAsset() == null ? "USDT" : t.commissionAsset(),
                Boolean.TRUE.equals(t.maker()) ? Liquidity.MAKER : Liquidity.TAKER, millis(venue, t.time(), "time", t));
    }

    // --- account ---

    public static Position position(String venue, AsterPositionRisk p, String symbol, Instant now) {
        return new Position(venue, symbol, required(venue, p.positionAmt(), "positionAmt", p),
                required(venue, p.entryPrice(), "entryPrice", p), p.markPrice(), nonZero(p.liquidationPrice()),
                p.unRealizedProfit(), null, p.isolatedMargin(), p.leverage(), millisOr(p.updateTime(), now));
    }

    /** A position from an {@code ACCOUNT_UPDATE} event. */
    public static Position position(String venue, AsterUserEvent.PositionUpdate p, String symbol, Instant at) {
        return new Position(venue, symbol, required(venue, p.positionAmount(), "pa", p),
                required(venue, p.entryPrice(), "ep", p), null, null, p.unrealizedPnl(), null, p.isolatedWallet(),
                null, at);
    }

    /** Equity is the wallet balance plus unrealized PnL. */
    public static Balance balance(String venue, AsterBalance b, Instant now) {
        return new Balance(venue, required(venue, b.asset(), "asset", b),
                required(venue, b.balance(), "balance", b).add(orZero(b.crossUnPnl())),
                required(venue, b.availableBalance(), "availableBalance", b), millisOr(b.updateTime(), now));
    }

    // --- enums ---

    public static OrderStatus status(String status) {
        return switch (status) {
            case "NEW" -> OrderStatus.OPEN;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "EXPIRED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    public static String venueTimeInForce(TimeInForce timeInForce) {
        return switch (timeInForce) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> "GTX";
        };
    }

    static TimeInForce timeInForce(String value) {
        return switch (value) {
            case "IOC", "FOK" -> TimeInForce.IOC;
            case "GTX" -> TimeInForce.POST_ONLY;
            default -> TimeInForce.GTC;
        };
    }

    private static OrderType orderType(String type) {
        return "MARKET".equals(type) ? OrderType.MARKET : OrderType.LIMIT;
    }

    private static Side side(String venue, String side) {
        return switch (String.valueOf(side)) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new ExchangeException(venue, "unknown side '" + side + "'");
        };
    }
}

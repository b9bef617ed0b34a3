package dev.perpflow.component.paradex;

import static dev.perpflow.exchange.dto.Payloads.millis;
import static dev.perpflow.exchange.dto.Payloads.nonZero;
import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.paradex.dto.ParadexAccountSummary;
import dev.perpflow.component.paradex.dto.ParadexFill;
import dev.perpflow.component.paradex.dto.ParadexMarket;
import dev.perpflow.component.paradex.dto.ParadexMarketSummary;
import dev.perpflow.component.paradex.dto.ParadexOrder;
import dev.perpflow.component.paradex.dto.ParadexOrderBook;
import dev.perpflow.component.paradex.dto.ParadexPosition;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.market.VenueSymbols;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Paradex's payload records to perpflow's model, and an {@link OrderRequest} to Paradex's order body (without its
 * signature, which the REST layer adds at send time). Static and pure: venue name and "now" are arguments; a payload
 * missing a field the model needs is a venue error naming it ({@link Payloads}).
 */
public final class ParadexAdapters {

    /** Interval assumed for a market that lists none (Paradex quotes its rates over 8 hours). */
    static final int DEFAULT_FUNDING_PERIOD_HOURS = 8;
    /** Max leverage assumed when a market has no cross-margin parameters. */
    static final int DEFAULT_MAX_LEVERAGE = 10;
    /**
     * Cancel reasons of an order Paradex closed without filling because it could not be taken (reported as
     * REJECTED with the reason); any other reason (the user's cancel, an IOC remainder) is CANCELED.
     */
    static final Set<String> REJECTIONS = Set.of("POST_ONLY_WOULD_CROSS", "NOT_ENOUGH_MARGIN",
            "REDUCE_ONLY_WOULD_INCREASE", "ORDER_EXCEEDS_POSITION_LIMIT", "MARKET_NOT_OPEN", "INVALID_ORDER",
            "SELF_TRADE", "UNEXPECTED_FAILURE");

    private ParadexAdapters() {
    }

    // --- markets and market data ---

    /** Whether a {@code /markets} row is a perpetual quoted in USD. */
    public static boolean isTradablePerpetual(ParadexMarket market) {
        return "PERP".equals(market.assetKind()) && ParadexSymbols.parse(market.symbol()).isPresent();
    }

    public static Instrument instrument(String venue, ParadexMarket market) {
        String venueSymbol = required(venue, market.symbol(), "symbol", market);
        VenueSymbols.Parsed parsed = ParadexSymbols.parse(venueSymbol)
                .orElseThrow(() -> new ExchangeException(venue, venueSymbol + " is not a USD perpetual"));
        return new Instrument(venue, parsed.symbol(), venueSymbol, ParadexSymbols.SETTLEMENT,
                required(venue, market.priceTickSize(), "price_tick_size", market),
                required(venue, market.orderSizeIncrement(), "order_size_increment", market),
                orZero(market.minNotional()), maxLeverage(market), fundingPeriodHours(market), parsed.multiplier());
    }

    /** {@code funding_period_hours} as whole hours, at least one. */
    static int fundingPeriodHours(ParadexMarket market) {
        BigDecimal hours = market.fundingPeriodHours();
        return hours == null || hours.signum() <= 0 ? DEFAULT_FUNDING_PERIOD_HOURS
                : Math.max(1, hours.setScale(0, RoundingMode.HALF_UP).intValue());
    }

    /** {@code 1 / imf_base} of the cross-margin parameters, rounded down. */
    static int maxLeverage(ParadexMarket market) {
        ParadexMarket.MarginParams params = market.delta1CrossMarginParams();
        if (params == null || params.imfBase() == null || params.imfBase().signum() <= 0) {
            return DEFAULT_MAX_LEVERAGE;
        }
        return Math.max(1, BigDecimal.ONE.divide(params.imfBase(), 0, RoundingMode.DOWN).intValue());
    }

    /**
     * A summary's {@code funding_rate}: the rate over the market's funding period (Paradex accrues it continuously and
     * quotes it per {@code funding_period_hours}), the predicted {@code future_funding_rate}; no settlement time.
     */
    public static FundingRate fundingRate(String venue, ParadexMarketSummary row, Instrument instrument, Instant now) {
        return new FundingRate(venue, instrument.symbol(), required(venue, row.fundingRate(), "funding_rate", row),
                instrument.fundingIntervalHours(), row.futureFundingRate(), row.markPrice(), row.underlyingPrice(),
                null, row.createdAt() == null ? now : Instant.ofEpochMilli(row.createdAt()));
    }

    /** {@code volume_24h} (USD) and {@code open_interest} (base units) at the mark price. */
    public static MarketStats marketStats(String venue, ParadexMarketSummary row, Instrument instrument, Instant now) {
        BigDecimal openInterest = row.openInterest() == null || row.markPrice() == null ? null
                : row.openInterest().multiply(row.markPrice());
        return new MarketStats(venue, instrument.symbol(), row.volume24h(), openInterest, now);
    }

    public static OrderBook book(String venue, ParadexOrderBook book, String symbol, int depth, Instant now) {
        return new OrderBook(venue, symbol, Payloads.levels(venue, book.bids() == null ? List.of() : book.bids(), depth),
                Payloads.levels(venue, book.asks() == null ? List.of() : book.asks(), depth),
                book.seqNo() == null ? 0 : book.seqNo(),
                book.lastUpdatedAt() == null ? now : Instant.ofEpochMilli(book.lastUpdatedAt()));
    }

    // --- orders and fills ---

    /** An order's JSON body without its signature: market, side, type, size, price, instruction, client id, flags. */
    public static ObjectNode orderBody(ObjectMapper json, OrderRequest request, String venueSymbol) {
        ObjectNode body = json.createObjectNode().put("market", venueSymbol)
                .put("side", request.side() == Side.BUY ? "BUY" : "SELL")
                .put("type", request.type() == OrderType.LIMIT ? "LIMIT" : "MARKET")
                .put("size", request.quantity().stripTrailingZeros().toPlainString());
        if (request.type() == OrderType.LIMIT) {
            body.put("price", request.price().stripTrailingZeros().toPlainString());
        }
        body.put("instruction", switch (request.timeInForce()) {
            case POST_ONLY -> "POST_ONLY";
            case IOC -> request.type() == OrderType.LIMIT ? "IOC" : "GTC";
            case GTC -> "GTC";
        });
        body.put("client_id", request.clientOrderId());
        if (request.reduceOnly()) {
            body.putArray("flags").add("REDUCE_ONLY");
        }
        return body;
    }

    /** An order as Paradex reports it, under perpflow's client order id. */
    public static Order order(String venue, ParadexOrder o, String symbol, String clientOrderId) {
        BigDecimal size = required(venue, o.size(), "size", o);
        BigDecimal remaining = o.remainingSize() == null ? size : o.remainingSize();
        BigDecimal filled = size.subtract(remaining).max(BigDecimal.ZERO);
        OrderType type = "MARKET".equals(o.type()) ? OrderType.MARKET : OrderType.LIMIT;
        OrderStatus status = status(required(venue, o.status(), "status", o), filled, remaining, o.cancelReason());
        Instant created = millis(venue, o.createdAt(), "created_at", o);
        Instant updated = o.lastUpdatedAt() == null || o.lastUpdatedAt() <= 0 ? created
                : Instant.ofEpochMilli(o.lastUpdatedAt());
        return new Order(venue, clientOrderId, required(venue, o.id(), "id", o), symbol, side(venue, o.side()), type,
                timeInForce(o.instruction()), size, type == OrderType.MARKET ? null : nonZero(o.price()), filled,
                filled.signum() == 0 ? null : nonZero(o.avgFillPrice()), status,
                o.flags() != null && o.flags().contains("REDUCE_ONLY"),
                status == OrderStatus.REJECTED ? o.cancelReason() : null, created, updated);
    }

    /** A fill as Paradex reports it. */
    public static Fill fill(String venue, ParadexFill f, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, f.id(), "id", f), clientOrderId, f.orderId(), symbol,
                side(venue, f.side()), required(venue, f.price(), "price", f), required(venue, f.size(), "size", f),
                orZero(f.fee()), f.feeCurrency() == null ? ParadexSymbols.SETTLEMENT : f.feeCurrency(),
                "MAKER".equals(f.liquidity()) ? Liquidity.MAKER : Liquidity.TAKER,
                millis(venue, f.createdAt(), "created_at", f));
    }

    // --- account ---

    /**
     * An open position: size signed by its side, funding received as the settled ({@code realized_positional_funding_pnl})
     * plus the accrued ({@code unrealized_funding_pnl}) part; the mark price comes from the market summary.
     */
    public static Position position(String venue, ParadexPosition p, String symbol, BigDecimal markPrice, Instant at) {
        BigDecimal size = required(venue, p.size(), "size", p).abs();
        BigDecimal quantity = "SHORT".equals(p.side()) || p.size().signum() < 0 ? size.negate() : size;
        BigDecimal funding = p.realizedPositionalFundingPnl() == null && p.unrealizedFundingPnl() == null ? null
                : orZero(p.realizedPositionalFundingPnl()).add(orZero(p.unrealizedFundingPnl()));
        return new Position(venue, symbol, quantity, p.averageEntryPrice(), markPrice, nonZero(p.liquidationPrice()),
                p.unrealizedPnl(), funding, null, p.leverage(),
                p.lastUpdatedAt() == null ? at : Instant.ofEpochMilli(p.lastUpdatedAt()));
    }

    /** The account's value (collateral plus unrealized PnL) and its free collateral, in USDC. */
    public static Balance balance(String venue, ParadexAccountSummary a, Instant at) {
        return new Balance(venue, a.settlementAsset() == null ? ParadexSymbols.SETTLEMENT : a.settlementAsset(),
                required(venue, a.accountValue(), "account_value", a),
                required(venue, a.freeCollateral(), "free_collateral", a), at);
    }

    // --- enums ---

    static OrderStatus status(String status, BigDecimal filled, BigDecimal remaining, String cancelReason) {
        return switch (status) {
            case "NEW" -> OrderStatus.NEW;
            case "UNTRIGGERED", "OPEN" -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
            case "CLOSED" -> {
                if (remaining.signum() == 0 && filled.signum() > 0) {
                    yield OrderStatus.FILLED;
                }
                yield filled.signum() == 0 && cancelReason != null && REJECTIONS.contains(cancelReason)
                        ? OrderStatus.REJECTED : OrderStatus.CANCELED;
            }
            default -> OrderStatus.UNKNOWN;
        };
    }

    static TimeInForce timeInForce(String instruction) {
        return instruction == null ? TimeInForce.GTC : switch (instruction) {
            case "POST_ONLY" -> TimeInForce.POST_ONLY;
            case "IOC" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
    }

    static Side side(String venue, String side) {
        return switch (String.valueOf(side)) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new ExchangeException(venue, "unknown side " + side);
        };
    }
}

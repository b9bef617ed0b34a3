package dev.perpflow.component.lighter;

import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import dev.perpflow.component.lighter.dto.LighterAccount;
import dev.perpflow.component.lighter.dto.LighterBookUpdate;
import dev.perpflow.component.lighter.dto.LighterFundingRates;
import dev.perpflow.component.lighter.dto.LighterMarket;
import dev.perpflow.component.lighter.dto.LighterOrder;
import dev.perpflow.component.lighter.dto.LighterOrderBookOrders;
import dev.perpflow.component.lighter.dto.LighterPosition;
import dev.perpflow.component.lighter.dto.LighterTrade;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderRejectedException;
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
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.lighter.signer.LighterTx;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Lighter's payload records to perpflow's model, and an {@link OrderRequest} to the integer fields of a signed
 * CreateOrder. Static and pure: the venue name, "now", the account index and the client order id mapping come in as
 * arguments. A payload missing a field the model needs is a venue error naming the field.
 *
 * <p>Funding: {@code /api/v1/funding-rates} writes Lighter's current rate as a fraction over eight hours while Lighter
 * settles every hour, so a rate is stored as {@code rate / 8} per 1 h interval (its 8 h normalization is then the
 * venue's figure again); docs/venues/lighter.md gives the sources.
 */
public final class LighterAdapters {

    /** Lighter settles funding every hour, on the hour. */
    public static final int FUNDING_INTERVAL_HOURS = 1;
    static final BigDecimal EIGHT = BigDecimal.valueOf(8);
    /** The seed counts Lighter's open interest twice (both sides), as the other venues report it. */
    static final BigDecimal OPEN_INTEREST_SIDES = BigDecimal.valueOf(2);
    /** Resting orders expire after 28 days (the venue allows 5 minutes to 30 days). */
    static final Duration ORDER_EXPIRY = Duration.ofDays(28);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int MARGIN_FRACTION_TICK = LighterTx.MARGIN_FRACTION_TICK;

    private LighterAdapters() {
    }

    // --- markets and market data ---

    /** Whether an {@code orderBookDetails} entry is an active perpetual with a name perpflow reads. */
    public static boolean isTradablePerpetual(LighterMarket market) {
        return (market.marketType() == null || "perp".equals(market.marketType()))
                && "active".equals(market.status()) && market.marketId() != null
                && LighterSymbols.parse(market.symbol()).isPresent();
    }

    public static Instrument instrument(String venue, LighterMarket market) {
        String venueSymbol = required(venue, market.symbol(), "symbol", market);
        LighterSymbols.Parsed parsed = LighterSymbols.parse(venueSymbol)
                .orElseThrow(() -> new ExchangeException(venue, venueSymbol + " is not a perpetual name"));
        int priceDecimals = required(venue, market.priceDecimals(), "price_decimals", market);
        int sizeDecimals = required(venue, market.sizeDecimals(), "size_decimals", market);
        int minFraction = required(venue, market.minInitialMarginFraction(), "min_initial_margin_fraction", market);
        int maxLeverage = minFraction <= 0 ? 1 : Math.max(1, MARGIN_FRACTION_TICK / minFraction);
        return new Instrument(venue, parsed.symbol(), venueSymbol, LighterSymbols.QUOTE,
                BigDecimal.ONE.movePointLeft(priceDecimals), BigDecimal.ONE.movePointLeft(sizeDecimals),
                orZero(market.minQuoteAmount()), maxLeverage, FUNDING_INTERVAL_HOURS, parsed.multiplier());
    }

    /** A {@code funding-rates} row of Lighter's (8 h fraction) as the hourly rate Lighter settles. */
    public static FundingRate fundingRate(String venue, LighterFundingRates.Row row, Instrument instrument,
            LighterMarket market, Instant now) {
        BigDecimal eightHours = required(venue, row.rate(), "rate", row);
        return new FundingRate(venue, instrument.symbol(), eightHours.divide(EIGHT, MathContext.DECIMAL64),
                FUNDING_INTERVAL_HOURS, null, market == null ? null : market.markPrice(),
                market == null ? null : market.indexPrice(), now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)),
                now);
    }

    /** 24 h quote volume and open interest (base × last price, both sides) in USDC. */
    public static MarketStats marketStats(String venue, LighterMarket market, Instrument instrument, Instant now) {
        BigDecimal price = market.lastTradePrice() != null ? market.lastTradePrice() : market.markPrice();
        BigDecimal openInterest = market.openInterest() == null || price == null ? null
                : market.openInterest().multiply(price).multiply(OPEN_INTEREST_SIDES);
        return new MarketStats(venue, instrument.symbol(), market.dailyQuoteTokenVolume(), openInterest, now);
    }

    /** The resting orders of {@code orderBookOrders} summed per price level, best first. */
    public static OrderBook book(String venue, LighterOrderBookOrders orders, String symbol, int depth, Instant now) {
        return new OrderBook(venue, symbol, aggregate(orders.bids(), depth, true),
                aggregate(orders.asks(), depth, false), 0, now);
    }

    private static List<PriceLevel> aggregate(List<LighterOrderBookOrders.BookOrder> orders, int depth, boolean bids) {
        java.util.Comparator<BigDecimal> best = bids ? java.util.Comparator.reverseOrder()
                : java.util.Comparator.naturalOrder();
        Map<BigDecimal, BigDecimal> sizes = new TreeMap<>(best);
        for (LighterOrderBookOrders.BookOrder order : orders == null ? List.<LighterOrderBookOrders.BookOrder>of()
                : orders) {
            if (order.price() != null && order.remainingBaseAmount() != null
                    && order.remainingBaseAmount().signum() > 0) {
                sizes.merge(order.price(), order.remainingBaseAmount(), BigDecimal::add);
            }
        }
        List<PriceLevel> levels = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> level : sizes.entrySet()) {
            if (levels.size() == depth) {
                break;
            }
            levels.add(new PriceLevel(level.getKey(), level.getValue()));
        }
        return levels;
    }

    /** Stream levels as price levels (size 0 = remove), in the order sent. */
    public static List<PriceLevel> levels(List<LighterBookUpdate.Level> levels) {
        List<PriceLevel> out = new ArrayList<>();
        if (levels != null) {
            for (LighterBookUpdate.Level level : levels) {
                out.add(new PriceLevel(level.price(), level.size()));
            }
        }
        return out;
    }

    // --- orders ---

    /** A CreateOrder's own fields, before the nonce and expiry are known. */
    public record OrderDraft(int marketIndex, long clientOrderIndex, long baseAmount, long price, int isAsk,
            int orderType, int timeInForce, int reduceOnly, long orderExpiry) {

        public LighterTx.CreateOrder toTx(long accountIndex, int apiKeyIndex, long nonce, long expiredAt) {
            return new LighterTx.CreateOrder(accountIndex, apiKeyIndex, marketIndex, clientOrderIndex, baseAmount,
                    price, isAsk, orderType, timeInForce, reduceOnly, 0, orderExpiry, expiredAt, nonce);
        }
    }

    /**
     * The CreateOrder fields of {@code request}: quantity and price as integers scaled by the market's decimals
     * (refused before sending when not on the grid), a market order with {@code worstPrice} as its price limit and
     * immediate-or-cancel, a resting order expiring after 28 days.
     */
    public static OrderDraft createOrder(String venue, OrderRequest request, LighterMarket market,
            long clientOrderIndex, BigDecimal worstPrice, Instant now) {
        int sizeDecimals = required(venue, market.sizeDecimals(), "size_decimals", market);
        int priceDecimals = required(venue, market.priceDecimals(), "price_decimals", market);
        long baseAmount = scaled(venue, request, request.quantity(), sizeDecimals, "quantity");
        boolean isMarket = request.type() == OrderType.MARKET;
        BigDecimal price = isMarket ? worstPrice : request.price();
        long scaledPrice = scaled(venue, request, price, priceDecimals, "price");
        int timeInForce = isMarket || request.timeInForce() == TimeInForce.IOC ? LighterTx.IMMEDIATE_OR_CANCEL
                : request.timeInForce() == TimeInForce.POST_ONLY ? LighterTx.POST_ONLY : LighterTx.GOOD_TILL_TIME;
        long expiry = timeInForce == LighterTx.IMMEDIATE_OR_CANCEL ? 0 : now.plus(ORDER_EXPIRY).toEpochMilli();
        return new OrderDraft(market.marketId(), clientOrderIndex, baseAmount, scaledPrice,
                request.side() == Side.SELL ? 1 : 0, isMarket ? LighterTx.ORDER_TYPE_MARKET : LighterTx.ORDER_TYPE_LIMIT,
                timeInForce, request.reduceOnly() ? 1 : 0, expiry);
    }

    /** The price limit of a market order: {@code slippage} beyond the touch, rounded outwards to the tick. */
    public static BigDecimal worstPrice(Side side, BigDecimal touch, BigDecimal slippage, Instrument instrument) {
        BigDecimal limit = side == Side.BUY ? touch.multiply(BigDecimal.ONE.add(slippage))
                : touch.multiply(BigDecimal.ONE.subtract(slippage));
        BigDecimal rounded = instrument.roundPrice(limit, side == Side.BUY ? RoundingMode.UP : RoundingMode.DOWN);
        return rounded.signum() > 0 ? rounded : instrument.tickSize();
    }

    /** {@code value × 10^decimals} as an exact integer, or a rejection naming the field (nothing is sent). */
    static long scaled(String venue, OrderRequest request, BigDecimal value, int decimals, String field) {
        try {
            return value.movePointRight(decimals).longValueExact();
        } catch (ArithmeticException e) {
            throw new OrderRejectedException(venue, request.clientOrderId(), field + " " + value.toPlainString()
                    + " is not a multiple of 1e-" + decimals + " (the market's " + field + " step)");
        }
    }

    /** An order of the account endpoints or the order stream, under perpflow's client order id. */
    public static Order order(String venue, LighterOrder o, String symbol, String clientOrderId) {
        BigDecimal filled = orZero(o.filledBaseAmount());
        BigDecimal quantity = o.initialBaseAmount() != null ? o.initialBaseAmount()
                : filled.add(orZero(o.remainingBaseAmount()));
        if (quantity.compareTo(filled) < 0) {
            quantity = filled;
        }
        OrderType type = "market".equals(o.type()) ? OrderType.MARKET : OrderType.LIMIT;
        String venueStatus = required(venue, o.status(), "status", o);
        OrderStatus status = status(venueStatus, filled);
        Instant created = o.timestamp() == null ? Instant.EPOCH : Instant.ofEpochSecond(o.timestamp());
        Instant updated = o.updatedAt() == null ? created : Instant.ofEpochMilli(o.updatedAt());
        return new Order(venue, clientOrderId, o.orderIndex() == null ? o.orderId() : String.valueOf(o.orderIndex()),
                symbol, Boolean.TRUE.equals(o.isAsk()) ? Side.SELL : Side.BUY, type, timeInForce(o.timeInForce()),
                quantity, type == OrderType.MARKET ? null : o.price(), filled,
                average(o.filledQuoteAmount(), filled), status, Boolean.TRUE.equals(o.reduceOnly()),
                status == OrderStatus.REJECTED ? rejectReason(venueStatus) : null, created, updated);
    }

    /**
     * Lighter's statuses: {@code open}, {@code in-progress} and {@code pending} are working (partly filled when
     * something filled), {@code filled}, {@code canceled} and {@code canceled-<reason>}; an order the sequencer
     * refused (post-only would cross, margin, reduce-only, ...) ends {@code canceled-<reason>} with nothing filled,
     * which is a rejection.
     */
    public static OrderStatus status(String status, BigDecimal filled) {
        return switch (status) {
            case "open", "in-progress", "pending" -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED
                    : OrderStatus.OPEN;
            case "filled" -> OrderStatus.FILLED;
            default -> {
                if (!status.startsWith("canceled")) {
                    yield OrderStatus.UNKNOWN;
                }
                yield filled.signum() == 0 && isRejection(status) ? OrderStatus.REJECTED : OrderStatus.CANCELED;
            }
        };
    }

    /** Cancellations that mean the order was refused, not ended by its owner or its time in force. */
    static boolean isRejection(String status) {
        return switch (status) {
            case "canceled-post-only", "canceled-reduce-only", "canceled-position-not-allowed",
                    "canceled-margin-not-allowed", "canceled-invalid-balance", "canceled-too-much-slippage" -> true;
            default -> false;
        };
    }

    /** Whether a rejection is for margin (so {@code InsufficientMarginException}). */
    public static boolean isMarginRejection(String status) {
        return "canceled-margin-not-allowed".equals(status) || "canceled-invalid-balance".equals(status);
    }

    static String rejectReason(String status) {
        return status.startsWith("canceled-") ? status.substring("canceled-".length()) : status;
    }

    private static TimeInForce timeInForce(String value) {
        return switch (String.valueOf(value)) {
            case "immediate-or-cancel" -> TimeInForce.IOC;
            case "post-only" -> TimeInForce.POST_ONLY;
            default -> TimeInForce.GTC;
        };
    }

    /** An order resting or just sent, before the venue reports it (status NEW). */
    public static Order accepted(String venue, OrderRequest request, Instant now) {
        return new Order(venue, request.clientOrderId(), null, request.symbol(), request.side(), request.type(),
                request.timeInForce(), request.quantity(), request.price(), BigDecimal.ZERO, null, OrderStatus.NEW,
                request.reduceOnly(), null, now, now);
    }

    // --- fills and account ---

    /**
     * This account's side of a trade: its order is the ask when {@code ask_account_id} is the account, else the bid;
     * maker when that side rested ({@code is_maker_ask}); the fee is the side's rate in millionths of the notional.
     */
    public static Fill fill(String venue, LighterTrade t, long accountIndex, String symbol,
            LongFunction<String> clientOrderIdOfIndex) {
        boolean ask = t.askAccountId() != null && t.askAccountId() == accountIndex;
        boolean maker = ask == Boolean.TRUE.equals(t.isMakerAsk());
        BigDecimal price = required(venue, t.price(), "price", t);
        BigDecimal size = required(venue, t.size(), "size", t);
        Long feeRate = maker ? t.makerFee() : t.takerFee();
        BigDecimal notional = t.usdAmount() != null ? t.usdAmount() : price.multiply(size);
        BigDecimal fee = feeRate == null ? BigDecimal.ZERO
                : notional.multiply(BigDecimal.valueOf(feeRate)).divide(MILLION, MathContext.DECIMAL64);
        Long clientIndex = ask ? t.askClientId() : t.bidClientId();
        Long orderIndex = ask ? t.askId() : t.bidId();
        String clientOrderId = clientIndex != null && clientIndex > 0 ? clientOrderIdOfIndex.apply(clientIndex)
                : venue + "-" + orderIndex;
        return new Fill(venue, String.valueOf(required(venue, t.tradeId(), "trade_id", t)), clientOrderId,
                orderIndex == null ? null : String.valueOf(orderIndex), symbol, ask ? Side.SELL : Side.BUY, price,
                size, fee.stripTrailingZeros(), LighterSymbols.QUOTE, maker ? Liquidity.MAKER : Liquidity.TAKER,
                Instant.ofEpochMilli(required(venue, t.timestamp(), "timestamp", t)));
    }

    /** Whether a trade is this account's. */
    public static boolean isOwn(LighterTrade t, long accountIndex) {
        return (t.askAccountId() != null && t.askAccountId() == accountIndex)
                || (t.bidAccountId() != null && t.bidAccountId() == accountIndex);
    }

    /** A position: signed size (sign × position), funding received as paid out negated. */
    public static Position position(String venue, LighterPosition p, String symbol, Instant at) {
        BigDecimal size = orZero(p.position());
        int sign = p.sign() == null ? 1 : p.sign();
        BigDecimal quantity = sign < 0 ? size.negate() : size;
        BigDecimal mark = p.positionValue() != null && size.signum() != 0
                ? p.positionValue().abs().divide(size, MathContext.DECIMAL64).stripTrailingZeros() : null;
        BigDecimal leverage = p.initialMarginFraction() != null && p.initialMarginFraction().signum() > 0
                ? BigDecimal.valueOf(100).divide(p.initialMarginFraction(), MathContext.DECIMAL64).stripTrailingZeros()
                : null;
        return new Position(venue, symbol, quantity, p.avgEntryPrice(), mark,
                p.liquidationPrice() == null || p.liquidationPrice().signum() == 0 ? null : p.liquidationPrice(),
                p.unrealizedPnl(), p.totalFundingPaidOut() == null ? null : p.totalFundingPaidOut().negate(),
                p.allocatedMargin(), leverage, at);
    }

    /** The account's USDC: equity (unrealized PnL included) and what backs new orders. */
    public static Balance balance(String venue, LighterAccount account, Instant at) {
        BigDecimal total = account.totalAssetValue() != null ? account.totalAssetValue()
                : required(venue, account.collateral(), "collateral", account);
        return new Balance(venue, LighterSymbols.QUOTE, total,
                required(venue, account.availableBalance(), "available_balance", account), at);
    }

    private static BigDecimal average(BigDecimal quote, BigDecimal filled) {
        if (quote == null || filled.signum() == 0) {
            return null;
        }
        return quote.divide(filled, MathContext.DECIMAL64).stripTrailingZeros();
    }
}

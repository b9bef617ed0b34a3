package dev.perpflow.component.grvt;

import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import dev.perpflow.component.grvt.client.GrvtSigner;
import dev.perpflow.component.grvt.dto.GrvtAccountSummary;
import dev.perpflow.component.grvt.dto.GrvtFill;
import dev.perpflow.component.grvt.dto.GrvtInstrument;
import dev.perpflow.component.grvt.dto.GrvtOrder;
import dev.perpflow.component.grvt.dto.GrvtOrderbookLevels;
import dev.perpflow.component.grvt.dto.GrvtPosition;
import dev.perpflow.component.grvt.dto.GrvtTicker;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.error.ExchangeException;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GRVT's payload records to perpflow's model, and an {@link OrderRequest} to GRVT's order and its signed fields.
 * Static and pure: the venue name and "now" come in as arguments. A payload missing a field the model needs is a
 * venue error naming the field.
 *
 * <p>Funding: GRVT's {@code funding_rate} (and its deprecated predecessor {@code funding_rate_8h_curr}) is the rate
 * of the instrument's own funding interval ({@code funding_interval_hours}: 1, 4 or 8), in percentage points; the
 * model's rate is a fraction, so it is divided by 100 (docs/venues/grvt.md gives the sources).
 */
public final class GrvtAdapters {

    /** GRVT's funding rates are percentage points: 0.01 means 0.01 % = 0.0001. */
    public static final BigDecimal PERCENT = BigDecimal.valueOf(100);
    /** The interval of an instrument that does not say (GRVT's legacy 8 h schedule). */
    public static final int DEFAULT_FUNDING_INTERVAL_HOURS = 8;

    private GrvtAdapters() {
    }

    // --- markets and market data ---

    public static boolean isListedPerpetual(GrvtInstrument instrument) {
        return "PERPETUAL".equals(instrument.kind()) && GrvtSymbols.parse(instrument.instrument()).isPresent();
    }

    /** A perpetual: the lot is {@code min_size}, the tick {@code tick_size}, with its funding interval. */
    public static Instrument instrument(String venue, GrvtInstrument i, int maxLeverage) {
        String name = required(venue, i.instrument(), "instrument", i);
        GrvtSymbols.Parsed parsed = GrvtSymbols.parse(name)
                .orElseThrow(() -> new ExchangeException(venue, "not a USDT perpetual: " + name));
        return new Instrument(venue, parsed.symbol(), name, required(venue, i.quote(), "quote", i),
                required(venue, i.tickSize(), "tick_size", i), required(venue, i.minSize(), "min_size", i),
                i.minNotional() == null ? BigDecimal.ZERO : i.minNotional(), maxLeverage,
                i.fundingIntervalHours() == null || i.fundingIntervalHours() < 1 ? DEFAULT_FUNDING_INTERVAL_HOURS
                        : i.fundingIntervalHours(), parsed.multiplier());
    }

    /** A fraction from GRVT's percentage points ({@code 0.01} → {@code 0.0001}). */
    public static BigDecimal fromPercentagePoints(BigDecimal percentagePoints) {
        return percentagePoints.divide(PERCENT, MathContext.DECIMAL64);
    }

    /**
     * The ticker's funding: {@code funding_rate} (else the deprecated {@code funding_rate_8h_curr}) in percentage
     * points of the instrument's interval, as a fraction over that interval.
     */
    public static FundingRate fundingRate(String venue, GrvtTicker ticker, Instrument instrument, Instant now) {
        BigDecimal percentagePoints = ticker.fundingRate() != null ? ticker.fundingRate() : ticker.fundingRate8hCurr();
        required(venue, percentagePoints, "funding_rate", ticker);
        return new FundingRate(venue, instrument.symbol(), fromPercentagePoints(percentagePoints),
                instrument.fundingIntervalHours(), null, ticker.markPrice(), ticker.indexPrice(),
                nanosOr(ticker.nextFundingTime(), null), nanosOr(ticker.eventTime(), now));
    }

    /** 24 h volume (taker buys + sells, in the quote) and open interest (base × mark), in USD. */
    public static MarketStats marketStats(String venue, GrvtTicker ticker, Instrument instrument, Instant now) {
        BigDecimal volume = ticker.buyVolume24hQ() == null && ticker.sellVolume24hQ() == null ? null
                : orZero(ticker.buyVolume24hQ()).add(orZero(ticker.sellVolume24hQ()));
        BigDecimal oi = ticker.openInterest() == null || ticker.markPrice() == null ? null
                : ticker.openInterest().multiply(ticker.markPrice());
        return new MarketStats(venue, instrument.symbol(), volume, oi, now);
    }

    public static OrderBook book(String venue, GrvtOrderbookLevels book, String symbol, int depth, long sequence,
            Instant now) {
        return new OrderBook(venue, symbol, levels(venue, book.bids(), depth), levels(venue, book.asks(), depth),
                sequence, nanosOr(book.eventTime(), now));
    }

    private static List<PriceLevel> levels(String venue, List<GrvtOrderbookLevels.Level> side, int depth) {
        List<PriceLevel> out = new ArrayList<>();
        for (GrvtOrderbookLevels.Level level : side == null ? List.<GrvtOrderbookLevels.Level>of() : side) {
            if (out.size() == depth) {
                break;
            }
            out.add(new PriceLevel(required(venue, level.price(), "price", level),
                    required(venue, level.size(), "size", level)));
        }
        return out;
    }

    // --- orders ---

    /** GRVT's time in force of a request: GTC (post-only too) is GOOD_TILL_TIME, IOC and market orders IMMEDIATE_OR_CANCEL. */
    public static String timeInForce(OrderRequest request) {
        return request.type() == OrderType.MARKET || request.timeInForce() == TimeInForce.IOC ? "IMMEDIATE_OR_CANCEL"
                : "GOOD_TILL_TIME";
    }

    /** The signed code of a time in force (the pysdk's {@code SignTimeInForce}). */
    public static int signedTimeInForce(String timeInForce) {
        return switch (timeInForce) {
            case "GOOD_TILL_TIME" -> 1;
            case "ALL_OR_NONE" -> 2;
            case "IMMEDIATE_OR_CANCEL" -> 3;
            case "FILL_OR_KILL" -> 4;
            default -> throw new IllegalArgumentException("unknown time in force " + timeInForce);
        };
    }

    /** The order sent for {@code request} (signature left to the sender), with one leg. */
    public static GrvtOrder order(OrderRequest request, Instrument instrument, String subAccountId,
            String venueClientOrderId) {
        boolean market = request.type() == OrderType.MARKET;
        return new GrvtOrder(null, subAccountId, market, timeInForce(request),
                request.timeInForce() == TimeInForce.POST_ONLY, request.reduceOnly(),
                List.of(new GrvtOrder.Leg(instrument.venueSymbol(), request.quantity(), market ? null : request.price(),
                        request.side() == Side.BUY)), null, new GrvtOrder.Metadata(venueClientOrderId, null), null);
    }

    /** The fields the order's signature covers (nonce and expiration set when it is sent). */
    public static GrvtSigner.OrderFields signedFields(GrvtOrder order, long subAccountId, String instrumentHash,
            int baseDecimals) {
        GrvtOrder.Leg leg = order.legs().get(0);
        return new GrvtSigner.OrderFields(subAccountId, order.isMarket(), signedTimeInForce(order.timeInForce()),
                order.postOnly(), order.reduceOnly(), List.of(new GrvtSigner.Leg(instrumentHash, baseDecimals,
                        leg.size(), leg.limitPrice(), leg.isBuyingAsset())), 0, 0);
    }

    /** The model's view of an order GRVT sent (one leg). */
    public static Order order(String venue, GrvtOrder o, String symbol, String clientOrderId) {
        GrvtOrder.Leg leg = required(venue, o.legs(), "legs", o).isEmpty() ? null : o.legs().get(0);
        required(venue, leg, "legs", o);
        GrvtOrder.State state = required(venue, o.state(), "state", o);
        BigDecimal filled = first(state.tradedSize());
        OrderStatus status = status(required(venue, state.status(), "status", state));
        if (status == OrderStatus.OPEN && filled.signum() > 0) {
            status = OrderStatus.PARTIALLY_FILLED;
        }
        boolean market = Boolean.TRUE.equals(o.isMarket());
        boolean postOnly = Boolean.TRUE.equals(o.postOnly());
        Instant created = o.metadata() == null ? null : nanosOr(o.metadata().createTime(), null);
        Instant updated = nanosOr(state.updateTime(), created == null ? Instant.EPOCH : created);
        return new Order(venue, clientOrderId, o.orderId(), symbol, Boolean.TRUE.equals(leg.isBuyingAsset()) ? Side.BUY
                : Side.SELL, market ? OrderType.MARKET : OrderType.LIMIT, postOnly ? TimeInForce.POST_ONLY
                : "IMMEDIATE_OR_CANCEL".equals(o.timeInForce()) || "FILL_OR_KILL".equals(o.timeInForce())
                        ? TimeInForce.IOC : TimeInForce.GTC, required(venue, leg.size(), "size", leg),
                market ? null : leg.limitPrice(), filled.min(leg.size()), filled.signum() == 0 ? null
                        : Payloads.nonZero(first(state.avgFillPrice())), status, Boolean.TRUE.equals(o.reduceOnly()),
                status == OrderStatus.REJECTED || status == OrderStatus.CANCELED ? state.rejectReason() : null,
                created == null ? updated : created, updated);
    }

    private static BigDecimal first(List<BigDecimal> values) {
        return values == null || values.isEmpty() || values.get(0) == null ? BigDecimal.ZERO : values.get(0);
    }

    public static Fill fill(String venue, GrvtFill f, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, f.tradeId(), "trade_id", f), clientOrderId, f.orderId(), symbol,
                Boolean.TRUE.equals(f.isBuyer()) ? Side.BUY : Side.SELL, required(venue, f.price(), "price", f),
                required(venue, f.size(), "size", f), orZero(f.fee()), f.feeCurrency() == null ? "USDT"
                        : f.feeCurrency(), Boolean.TRUE.equals(f.isTaker()) ? Liquidity.TAKER : Liquidity.MAKER,
                nanos(venue, f.eventTime(), "event_time", f));
    }

    // --- account ---

    /** A position: funding GRVT reports as paid (positive) is received negated. */
    public static Position position(String venue, GrvtPosition p, String symbol, Instant now) {
        return new Position(venue, symbol, required(venue, p.size(), "size", p),
                required(venue, p.entryPrice(), "entry_price", p), p.markPrice(),
                Payloads.nonZero(p.estLiquidationPrice()), p.unrealizedPnl(),
                p.cumulativeRealizedFundingPayment() == null ? null : p.cumulativeRealizedFundingPayment().negate(),
                null, p.leverage(), nanosOr(p.eventTime(), now));
    }

    public static Balance balance(String venue, GrvtAccountSummary summary, Instant now) {
        return new Balance(venue, summary.settleCurrency() == null ? "USDT" : summary.settleCurrency(),
                required(venue, summary.totalEquity(), "total_equity", summary),
                required(venue, summary.availableBalance(), "available_balance", summary),
                nanosOr(summary.eventTime(), now));
    }

    // --- enums and times ---

    public static OrderStatus status(String status) {
        return switch (status) {
            case "PENDING" -> OrderStatus.NEW;
            case "OPEN" -> OrderStatus.OPEN;
            case "FILLED" -> OrderStatus.FILLED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "CANCELLED" -> OrderStatus.CANCELED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    /** A time sent in unix nanoseconds (as text). */
    public static Instant nanos(String venue, String value, String field, Object payload) {
        long nanos = Long.parseLong(required(venue, value, field, payload));
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static Instant nanosOr(String value, Instant fallback) {
        if (value == null || value.isEmpty() || value.equals("0")) {
            return fallback;
        }
        try {
            long nanos = Long.parseLong(value);
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

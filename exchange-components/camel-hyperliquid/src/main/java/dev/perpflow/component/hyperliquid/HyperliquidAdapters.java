package dev.perpflow.component.hyperliquid;

import static dev.perpflow.exchange.dto.Payloads.millis;
import static dev.perpflow.exchange.dto.Payloads.millisOr;
import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.hyperliquid.client.HyperliquidActions;
import dev.perpflow.component.hyperliquid.client.HyperliquidWire;
import dev.perpflow.component.hyperliquid.dto.HyperliquidAssetCtx;
import dev.perpflow.component.hyperliquid.dto.HyperliquidClearinghouseState;
import dev.perpflow.component.hyperliquid.dto.HyperliquidFill;
import dev.perpflow.component.hyperliquid.dto.HyperliquidL2Book;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMeta;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrder;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrderUpdate;
import dev.perpflow.component.hyperliquid.dto.HyperliquidPredictedFunding;
import dev.perpflow.exchange.dto.Payloads;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hyperliquid's payload records to perpflow's model, and an {@link OrderRequest} to Hyperliquid's order wire. Static
 * and pure: the venue name, "now" and the ids the client remembers come in as arguments. A payload missing a field the
 * model needs is a venue error naming the field ({@link Payloads}).
 *
 * <p>Funding is hourly: {@code funding} of an asset context is the current hourly rate, so every market's interval is
 * 1 h. Perpetuals settle in USDC; an order's minimum value is 10 USDC.
 */
public final class HyperliquidAdapters {

    public static final String QUOTE = "USDC";
    public static final int FUNDING_INTERVAL_HOURS = 1;
    public static final BigDecimal MIN_NOTIONAL = BigDecimal.TEN;
    /** Hyperliquid's own venue in {@code predictedFundings}. */
    public static final String OWN_VENUE = "HlPerp";

    private HyperliquidAdapters() {
    }

    // --- markets and market data ---

    /** Whether a {@code meta} asset is a perpetual perpflow trades (a plain or {@code k} coin, not delisted). */
    public static boolean isListed(HyperliquidMeta.Asset asset) {
        return asset.name() != null && !Boolean.TRUE.equals(asset.isDelisted())
                && HyperliquidSymbols.parse(asset.name()).isPresent();
    }

    /**
     * A perpetual: the lot is {@code 10^-szDecimals}; the tick is the finest price step allowed,
     * {@code 10^-(6 - szDecimals)} (prices are further held to 5 significant figures when sent).
     */
    public static Instrument instrument(String venue, HyperliquidMeta.Asset asset) {
        String coin = required(venue, asset.name(), "name", asset);
        int szDecimals = required(venue, asset.szDecimals(), "szDecimals", asset);
        HyperliquidSymbols.Parsed parsed = HyperliquidSymbols.parse(coin)
                .orElseThrow(() -> new ExchangeException(venue, "not a perpetual coin name: " + coin));
        return new Instrument(venue, parsed.symbol(), coin, QUOTE, BigDecimal.ONE.movePointLeft(
                Math.max(HyperliquidWire.PERP_MAX_DECIMALS - szDecimals, 0)), BigDecimal.ONE.movePointLeft(szDecimals),
                MIN_NOTIONAL, required(venue, asset.maxLeverage(), "maxLeverage", asset), FUNDING_INTERVAL_HOURS,
                parsed.multiplier());
    }

    /**
     * The hourly rate of an asset context, with the venue's own predicted rate and next funding time when
     * {@code predicted} has them (else the next full hour, when Hyperliquid settles).
     */
    public static FundingRate fundingRate(String venue, HyperliquidAssetCtx ctx, Instrument instrument,
            HyperliquidPredictedFunding predicted, Instant now) {
        Instant next = predicted != null && predicted.nextFundingTime() != null
                ? Instant.ofEpochMilli(predicted.nextFundingTime()) : now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return new FundingRate(venue, instrument.symbol(), required(venue, ctx.funding(), "funding", ctx),
                FUNDING_INTERVAL_HOURS, predicted == null ? null : predicted.fundingRate(), ctx.markPx(), ctx.oraclePx(),
                next, now);
    }

    /** 24 h notional volume (USD) and open interest (coins × mark price). */
    public static MarketStats marketStats(String venue, HyperliquidAssetCtx ctx, Instrument instrument, Instant now) {
        BigDecimal oi = ctx.openInterest() == null || ctx.markPx() == null ? null
                : ctx.openInterest().multiply(ctx.markPx());
        return new MarketStats(venue, instrument.symbol(), ctx.dayNtlVlm(), oi, now);
    }

    /** A book ({@code l2Book}); its sequence is the venue's time in ms. */
    public static OrderBook book(String venue, HyperliquidL2Book book, String symbol, int depth, Instant now) {
        List<List<HyperliquidL2Book.Level>> levels = required(venue, book.levels(), "levels", book);
        if (levels.size() != 2) {
            throw new ExchangeException(venue, "l2Book levels are not [bids, asks]: " + Payloads.abbreviate(book));
        }
        long time = book.time() == null ? now.toEpochMilli() : book.time();
        return new OrderBook(venue, symbol, levels(venue, levels.get(0), depth), levels(venue, levels.get(1), depth),
                time, millisOr(book.time(), now));
    }

    private static List<PriceLevel> levels(String venue, List<HyperliquidL2Book.Level> side, int depth) {
        List<PriceLevel> out = new ArrayList<>();
        for (HyperliquidL2Book.Level level : side) {
            if (out.size() == depth) {
                break;
            }
            out.add(new PriceLevel(required(venue, level.px(), "px", level), required(venue, level.sz(), "sz", level)));
        }
        return out;
    }

    // --- orders ---

    /**
     * The order wire of {@code request} on asset {@code asset}: the price made valid (rounded down for a buy, up for a
     * sell, never more aggressive), a market order as an IOC limit {@code slippage} beyond {@code referencePrice}
     * (the mid), post-only as ALO; a size with more decimals than the market allows is refused, never rounded.
     */
    public static Map<String, Object> orderWire(String venue, OrderRequest request, Instrument instrument, int asset,
            String cloid, BigDecimal referencePrice, BigDecimal slippage) {
        int szDecimals = instrument.lotSize().stripTrailingZeros().scale();
        if (!HyperliquidWire.isValidSize(request.quantity(), szDecimals)) {
            throw new OrderRejectedException(venue, request.clientOrderId(), "size " + request.quantity().toPlainString()
                    + " has more than " + szDecimals + " decimals (szDecimals of " + instrument.venueSymbol() + ")");
        }
        boolean buy = request.side() == Side.BUY;
        BigDecimal price = request.type() == OrderType.MARKET
                ? referencePrice.multiply(buy ? BigDecimal.ONE.add(slippage) : BigDecimal.ONE.subtract(slippage))
                : request.price();
        price = HyperliquidWire.price(price, szDecimals, buy ? RoundingMode.DOWN : RoundingMode.UP);
        HyperliquidActions.Tif tif = request.type() == OrderType.MARKET ? HyperliquidActions.Tif.Ioc
                : switch (request.timeInForce()) {
                    case GTC -> HyperliquidActions.Tif.Gtc;
                    case IOC -> HyperliquidActions.Tif.Ioc;
                    case POST_ONLY -> HyperliquidActions.Tif.Alo;
                };
        return HyperliquidActions.orderWire(asset, buy, HyperliquidWire.wire(price),
                HyperliquidWire.wire(request.quantity()), request.reduceOnly(), HyperliquidActions.limit(tif), cloid);
    }

    /**
     * The order a submit's status describes: {@code resting} (working, nothing filled) or {@code filled} (its total
     * size and average price; less than the size means an IOC's remainder was cancelled, or a resting remainder).
     */
    public static Order submitted(String venue, OrderRequest request, JsonNode status, BigDecimal sentPrice,
            Instant now) {
        if (status.has("resting")) {
            return order(venue, request, status.get("resting").path("oid").asText(), sentPrice, BigDecimal.ZERO, null,
                    OrderStatus.OPEN, now);
        }
        if (status.has("filled")) {
            JsonNode filled = status.get("filled");
            BigDecimal total = new BigDecimal(required(venue, filled.path("totalSz").asText(null), "totalSz", status));
            BigDecimal average = filled.hasNonNull("avgPx") ? new BigDecimal(filled.get("avgPx").asText()) : null;
            boolean complete = total.compareTo(request.quantity()) >= 0;
            boolean takerOnly = request.type() == OrderType.MARKET || request.timeInForce() == TimeInForce.IOC;
            OrderStatus state = complete ? OrderStatus.FILLED : takerOnly ? OrderStatus.CANCELED
                    : OrderStatus.PARTIALLY_FILLED;
            return order(venue, request, filled.path("oid").asText(), sentPrice, total.min(request.quantity()), average,
                    state, now);
        }
        throw new ExchangeException(venue, "order status not understood: " + Payloads.abbreviate(status));
    }

    private static Order order(String venue, OrderRequest request, String oid, BigDecimal price, BigDecimal filled,
            BigDecimal average, OrderStatus status, Instant now) {
        return new Order(venue, request.clientOrderId(), oid, request.symbol(), request.side(), request.type(),
                request.timeInForce(), request.quantity(), request.type() == OrderType.MARKET ? null : price, filled,
                average, status, request.reduceOnly(), null, now, now);
    }

    /** An IOC (or market) order that found nothing to match: cancelled with nothing filled. */
    public static Order unmatched(String venue, OrderRequest request, String reason, Instant now) {
        return new Order(venue, request.clientOrderId(), null, request.symbol(), request.side(), request.type(),
                request.timeInForce(), request.quantity(), request.price(), BigDecimal.ZERO, null,
                OrderStatus.CANCELED, request.reduceOnly(), reason, now, now);
    }

    /** An order with its status ({@code orderStatus}, the {@code orderUpdates} stream). */
    public static Order order(String venue, HyperliquidOrderUpdate update, String symbol, String clientOrderId) {
        HyperliquidOrder o = required(venue, update.order(), "order", update);
        OrderStatus status = status(required(venue, update.status(), "status", update));
        Instant at = millisOr(update.statusTimestamp(), millis(venue, o.timestamp(), "timestamp", o));
        return order(venue, o, symbol, clientOrderId, status, at, status == OrderStatus.REJECTED ? update.status() : null);
    }

    /** A working order ({@code frontendOpenOrders}). */
    public static Order openOrder(String venue, HyperliquidOrder o, String symbol, String clientOrderId) {
        BigDecimal filled = filled(venue, o);
        return order(venue, o, symbol, clientOrderId, filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED
                : OrderStatus.OPEN, millis(venue, o.timestamp(), "timestamp", o), null);
    }

    private static Order order(String venue, HyperliquidOrder o, String symbol, String clientOrderId,
            OrderStatus status, Instant at, String rejectReason) {
        BigDecimal original = o.origSz() != null ? o.origSz() : required(venue, o.sz(), "sz", o);
        BigDecimal filled = filled(venue, o);
        if (status == OrderStatus.OPEN && filled.signum() > 0) {
            status = OrderStatus.PARTIALLY_FILLED;
        }
        String tif = o.tif() == null ? "Gtc" : o.tif();
        boolean market = "Market".equalsIgnoreCase(o.orderType()) || "FrontendMarket".equals(tif);
        return new Order(venue, clientOrderId, String.valueOf(required(venue, o.oid(), "oid", o)), symbol,
                side(venue, o.side()), market ? OrderType.MARKET : OrderType.LIMIT, timeInForce(tif), original,
                market ? null : o.limitPx(), filled, null, status, Boolean.TRUE.equals(o.reduceOnly()), rejectReason,
                millis(venue, o.timestamp(), "timestamp", o), at);
    }

    /** {@code origSz − sz}: what is no longer open was filled (cancelled orders report the size left at the cancel). */
    private static BigDecimal filled(String venue, HyperliquidOrder o) {
        if (o.origSz() == null) {
            return BigDecimal.ZERO;
        }
        return o.origSz().subtract(required(venue, o.sz(), "sz", o)).max(BigDecimal.ZERO);
    }

    /**
     * A fill; {@code crossed} means it took liquidity. Its id is the venue's trade id {@code tid}; fills recorded before
     * Hyperliquid sent one (the SDK's 2023 cassettes) are told apart by transaction hash, order id and the position
     * they started from, which differ between the fills of one order.
     */
    public static Fill fill(String venue, HyperliquidFill f, String symbol, String clientOrderId) {
        String tradeId = f.tid() != null ? String.valueOf(f.tid())
                : required(venue, f.hash(), "tid", f) + ":" + f.oid() + ":" + f.startPosition();
        return new Fill(venue, tradeId, clientOrderId,
                f.oid() == null ? null : String.valueOf(f.oid()), symbol, side(venue, f.side()),
                required(venue, f.px(), "px", f), required(venue, f.sz(), "sz", f), orZero(f.fee()),
                f.feeToken() == null ? QUOTE : f.feeToken(),
                Boolean.TRUE.equals(f.crossed()) ? Liquidity.TAKER : Liquidity.MAKER, millis(venue, f.time(), "time", f));
    }

    // --- account ---

    /**
     * A position: mark price is its value over its size; {@code cumFunding.sinceOpen} is funding the position paid,
     * so what it received is its negation.
     */
    public static Position position(String venue, HyperliquidClearinghouseState.Position p, String symbol,
            Instant now) {
        BigDecimal size = required(venue, p.szi(), "szi", p);
        BigDecimal mark = p.positionValue() == null || size.signum() == 0 ? null
                : p.positionValue().divide(size.abs(), MathContext.DECIMAL64);
        BigDecimal funding = p.cumFunding() == null || p.cumFunding().sinceOpen() == null ? null
                : p.cumFunding().sinceOpen().negate();
        return new Position(venue, symbol, size, required(venue, p.entryPx(), "entryPx", p), mark,
                Payloads.nonZero(p.liquidationPx()), p.unrealizedPnl(), funding, p.marginUsed(),
                p.leverage() == null || p.leverage().value() == null ? null : BigDecimal.valueOf(p.leverage().value()),
                now);
    }

    /** USDC equity (account value, unrealized PnL included) and what can be withdrawn. */
    public static Balance balance(String venue, HyperliquidClearinghouseState state, Instant now) {
        HyperliquidClearinghouseState.MarginSummary summary = required(venue, state.marginSummary(), "marginSummary",
                state);
        return new Balance(venue, QUOTE, required(venue, summary.accountValue(), "accountValue", summary),
                required(venue, state.withdrawable(), "withdrawable", state), millisOr(state.time(), now));
    }

    // --- enums ---

    /** Hyperliquid's order statuses: {@code open}, {@code filled}, {@code canceled}, and reasons ending in them. */
    public static OrderStatus status(String status) {
        if (status.equals("open") || status.equals("triggered")) {
            return OrderStatus.OPEN;
        }
        if (status.equals("filled")) {
            return OrderStatus.FILLED;
        }
        if (status.equals("rejected") || status.endsWith("Rejected")) {
            return OrderStatus.REJECTED;
        }
        if (status.equals("canceled") || status.endsWith("Canceled") || status.equals("scheduledCancel")) {
            return OrderStatus.CANCELED;
        }
        return OrderStatus.UNKNOWN;
    }

    static TimeInForce timeInForce(String tif) {
        return switch (tif) {
            case "Ioc", "FrontendMarket" -> TimeInForce.IOC;
            case "Alo" -> TimeInForce.POST_ONLY;
            default -> TimeInForce.GTC;
        };
    }

    private static Side side(String venue, String side) {
        return switch (String.valueOf(side)) {
            case "B" -> Side.BUY;
            case "A" -> Side.SELL;
            default -> throw new ExchangeException(venue, "unknown side '" + side + "'");
        };
    }
}

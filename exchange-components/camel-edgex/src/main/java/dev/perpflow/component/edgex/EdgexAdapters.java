package dev.perpflow.component.edgex;

import static dev.perpflow.exchange.dto.Payloads.millis;
import static dev.perpflow.exchange.dto.Payloads.nonZero;
import static dev.perpflow.exchange.dto.Payloads.orZero;
import static dev.perpflow.exchange.dto.Payloads.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.edgex.client.EdgexSigner;
import dev.perpflow.component.edgex.dto.EdgexAccountAsset;
import dev.perpflow.component.edgex.dto.EdgexDepth;
import dev.perpflow.component.edgex.dto.EdgexFill;
import dev.perpflow.component.edgex.dto.EdgexMetaData;
import dev.perpflow.component.edgex.dto.EdgexOrder;
import dev.perpflow.component.edgex.dto.EdgexTicker;
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
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * EdgeX's payload records to perpflow's model, and an {@link OrderRequest} to EdgeX's order body with the amounts
 * its EIP-712 signature covers (edgex-python-sdk {@code order/client.py}): value = price × size, the fee limit the
 * contract's highest fee rate times the value rounded up, amounts scaled by the contract's and the quote coin's
 * {@code resolution}, nonce from the client order id, expiry 30 days ahead (the signed one 8 days earlier). Static and
 * pure: venue, "now" and the metadata are arguments.
 */
public final class EdgexAdapters {

    /** Interval assumed for a contract that gives none ([unverified]: EdgeX's usual interval is 4 hours). */
    static final int DEFAULT_FUNDING_INTERVAL_HOURS = 4;
    static final int DEFAULT_MAX_LEVERAGE = 20;
    static final Duration L2_EXPIRY = Duration.ofDays(30);
    static final Duration L1_OFFSET = Duration.ofDays(8);
    private static final BigDecimal DEFAULT_FEE_RATE = new BigDecimal("0.001");

    private EdgexAdapters() {
    }

    /** The body fields and signed amounts of one order. */
    public record OrderPlan(ObjectNode body, EdgexSigner.OrderParams params) {
    }

    // --- markets ---

    public static boolean isTradable(EdgexMetaData.Contract contract) {
        return !Boolean.FALSE.equals(contract.enableTrade()) && EdgexSymbols.parse(contract.contractName()).isPresent();
    }

    public static Instrument instrument(String venue, EdgexMetaData.Contract contract) {
        String name = required(venue, contract.contractName(), "contractName", contract);
        VenueSymbols.Parsed parsed = EdgexSymbols.parse(name)
                .orElseThrow(() -> new ExchangeException(venue, name + " is not a USD contract"));
        int maxLeverage = contract.riskTierList() == null || contract.riskTierList().isEmpty()
                || contract.riskTierList().get(0).maxLeverage() == null ? DEFAULT_MAX_LEVERAGE
                : Math.max(1, contract.riskTierList().get(0).maxLeverage().intValue());
        int interval = contract.fundingRateIntervalMin() == null || contract.fundingRateIntervalMin() <= 0
                ? DEFAULT_FUNDING_INTERVAL_HOURS : (int) Math.max(1, Math.round(contract.fundingRateIntervalMin() / 60.0));
        // the venue symbol is the contract id: every EdgeX call names contracts by id
        return new Instrument(venue, parsed.symbol(), required(venue, contract.contractId(), "contractId", contract),
                EdgexSymbols.SETTLEMENT, required(venue, contract.tickSize(), "tickSize", contract),
                required(venue, contract.stepSize(), "stepSize", contract), BigDecimal.ZERO, maxLeverage, interval,
                parsed.multiplier());
    }

    /** A ticker's {@code fundingRate} over the contract's interval, with the next settlement time. */
    public static FundingRate fundingRate(String venue, EdgexTicker ticker, Instrument instrument, Instant now) {
        return new FundingRate(venue, instrument.symbol(), required(venue, ticker.fundingRate(), "fundingRate", ticker),
                instrument.fundingIntervalHours(), null, ticker.oraclePrice(), ticker.indexPrice(),
                ticker.nextFundingTime() == null || ticker.nextFundingTime() <= 0 ? null
                        : Instant.ofEpochMilli(ticker.nextFundingTime()), now);
    }

    /** {@code value} (24 h, quote coin) and open interest (base units) at the oracle price, in USD. */
    public static MarketStats marketStats(String venue, EdgexTicker ticker, Instrument instrument, Instant now) {
        BigDecimal price = ticker.oraclePrice() != null ? ticker.oraclePrice() : ticker.lastPrice();
        return new MarketStats(venue, instrument.symbol(), ticker.value(), ticker.openInterest() == null
                || price == null ? null : ticker.openInterest().multiply(price), now);
    }

    public static OrderBook book(String venue, EdgexDepth depth, String symbol, int levels, Instant now) {
        return new OrderBook(venue, symbol, levels(depth.bids(), levels), levels(depth.asks(), levels),
                depth.endVersion() == null ? 0 : depth.endVersion(), now);
    }

    public static List<PriceLevel> levels(List<EdgexDepth.Level> levels, int depth) {
        List<PriceLevel> out = new ArrayList<>();
        if (levels != null) {
            for (EdgexDepth.Level level : levels) {
                if (out.size() == depth) {
                    break;
                }
                out.add(new PriceLevel(level.price(), level.size()));
            }
        }
        return out;
    }

    // --- orders ---

    /**
     * The order body (without {@code l2Signature}) and the amounts to sign. {@code l2Price} is the limit price, or for a
     * market order the worst price accepted (the SDK's: ten times the oracle price to buy, one tick to sell).
     */
    public static OrderPlan orderPlan(ObjectMapper json, OrderRequest request, EdgexMetaData.Contract contract,
            EdgexMetaData.Coin quote, long accountId, BigDecimal l2Price, Instant now) {
        BigDecimal size = request.quantity().stripTrailingZeros();
        BigDecimal value = l2Price.multiply(size).stripTrailingZeros();
        BigDecimal feeRate = orZero(contract.defaultTakerFeeRate()).max(orZero(contract.defaultMakerFeeRate()));
        BigDecimal limitFee = value.multiply(feeRate.signum() == 0 ? DEFAULT_FEE_RATE : feeRate)
                .setScale(0, RoundingMode.CEILING);
        BigDecimal contractResolution = resolution(contract.resolution());
        BigDecimal quoteResolution = resolution(quote.resolution());
        BigInteger nonce = EdgexSigner.nonce(request.clientOrderId());
        long l2Expire = now.plus(L2_EXPIRY).toEpochMilli();
        long expire = l2Expire - L1_OFFSET.toMillis();
        ObjectNode body = json.createObjectNode().put("accountId", Long.toString(accountId))
                .put("contractId", contract.contractId())
                .put("price", request.type() == OrderType.MARKET ? "0" : request.price().stripTrailingZeros().toPlainString())
                .put("size", size.toPlainString()).put("type", request.type() == OrderType.MARKET ? "MARKET" : "LIMIT")
                .put("side", request.side() == Side.BUY ? "BUY" : "SELL")
                .put("timeInForce", switch (request.timeInForce()) {
                    case POST_ONLY -> "POST_ONLY";
                    case IOC -> "IMMEDIATE_OR_CANCEL";
                    case GTC -> request.type() == OrderType.MARKET ? "IMMEDIATE_OR_CANCEL" : "GOOD_TIL_CANCEL";
                })
                .put("clientOrderId", request.clientOrderId()).put("expireTime", Long.toString(expire))
                .put("l2Nonce", nonce.toString()).put("l2ExpireTime", Long.toString(l2Expire))
                .put("l2Value", value.toPlainString()).put("l2Size", size.toPlainString())
                .put("l2LimitFee", limitFee.toPlainString()).put("reduceOnly", request.reduceOnly());
        EdgexSigner.OrderParams params = new EdgexSigner.OrderParams(nonce, accountId, expire / 1000,
                size.multiply(contractResolution).toBigInteger(), value.multiply(quoteResolution).toBigInteger(),
                limitFee.multiply(quoteResolution).toBigInteger(), contract.contractId(), quote.coinId(),
                request.side() == Side.BUY);
        return new OrderPlan(body, params);
    }

    /** A {@code resolution}: hex ({@code 0x...}) or decimal units per token. */
    static BigDecimal resolution(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("resolution is empty");
        }
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        return value.startsWith("0x") ? new BigDecimal(new BigInteger(value.substring(2), 16)) : new BigDecimal(value);
    }

    public static Order order(String venue, EdgexOrder o, String symbol) {
        BigDecimal size = required(venue, o.size(), "size", o);
        BigDecimal filled = orZero(o.cumFillSize()).min(size);
        OrderType type = "MARKET".equals(o.type()) ? OrderType.MARKET : OrderType.LIMIT;
        Instant created = millis(venue, o.createdTime(), "createdTime", o);
        return new Order(venue, required(venue, o.clientOrderId(), "clientOrderId", o), o.id(), symbol,
                side(venue, o.side()), type, timeInForce(o.timeInForce()), size,
                type == OrderType.MARKET ? null : nonZero(o.price()), filled,
                filled.signum() == 0 || o.cumFillValue() == null ? null
                        : o.cumFillValue().divide(filled, MathContext.DECIMAL64).stripTrailingZeros(),
                status(required(venue, o.status(), "status", o), filled, size, o.cancelReason()),
                Boolean.TRUE.equals(o.reduceOnly()), o.cancelReason() == null || o.cancelReason().isEmpty()
                        || filled.signum() > 0 ? null : o.cancelReason(), created,
                o.updatedTime() == null ? created : Instant.ofEpochMilli(o.updatedTime()));
    }

    public static Fill fill(String venue, EdgexFill f, String symbol, String clientOrderId) {
        return new Fill(venue, required(venue, f.id(), "id", f), clientOrderId, f.orderId(), symbol,
                side(venue, f.orderSide()), required(venue, f.fillPrice(), "fillPrice", f),
                required(venue, f.fillSize(), "fillSize", f), orZero(f.fillFee()), EdgexSymbols.SETTLEMENT,
                "MAKER".equals(f.direction()) ? Liquidity.MAKER : Liquidity.TAKER,
                millis(venue, f.createdTime(), "createdTime", f));
    }

    /** A position: signed {@code openSize}, entry {@code openValue / openSize}, funding settled into it. */
    public static Position position(String venue, EdgexAccountAsset.PositionEntry entry,
            EdgexAccountAsset.PositionAsset asset, String symbol, Instant now) {
        BigDecimal size = required(venue, entry.openSize(), "openSize", entry);
        BigDecimal entryPrice = asset != null && asset.avgEntryPrice() != null ? asset.avgEntryPrice()
                : entry.openValue() == null || size.signum() == 0 ? null
                : entry.openValue().abs().divide(size.abs(), MathContext.DECIMAL64).stripTrailingZeros();
        return new Position(venue, symbol, size, entryPrice, asset == null ? null : asset.markPrice(),
                asset == null ? null : nonZero(asset.liquidatePrice()), asset == null ? null : asset.unrealizePnl(),
                entry.fundingFee(), null, asset == null ? null : asset.leverage(),
                entry.updatedTime() == null ? now : Instant.ofEpochMilli(entry.updatedTime()));
    }

    public static Balance balance(String venue, EdgexAccountAsset.CollateralAsset collateral, Instant now) {
        return new Balance(venue, EdgexSymbols.SETTLEMENT, required(venue, collateral.totalEquity(), "totalEquity",
                collateral), required(venue, collateral.availableAmount(), "availableAmount", collateral), now);
    }

    static OrderStatus status(String status, BigDecimal filled, BigDecimal size, String cancelReason) {
        return switch (status) {
            case "PENDING" -> OrderStatus.NEW;
            case "OPEN", "UNTRIGGERED", "CANCELING" -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED
                    : OrderStatus.OPEN;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> filled.compareTo(size) >= 0 ? OrderStatus.FILLED : OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static TimeInForce timeInForce(String value) {
        return value == null ? TimeInForce.GTC : switch (value) {
            case "POST_ONLY" -> TimeInForce.POST_ONLY;
            case "IMMEDIATE_OR_CANCEL", "FILL_OR_KILL" -> TimeInForce.IOC;
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

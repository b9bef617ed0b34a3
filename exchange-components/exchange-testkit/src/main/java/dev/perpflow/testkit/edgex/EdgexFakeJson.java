package dev.perpflow.testkit.edgex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimExchange;
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
import java.util.List;

/**
 * The fake's EdgeX v2 payload shapes from the sim's model (field names of edgex-python-sdk and EdgeX's API pages;
 * no published samples): the {@code {"code","data","msg"}} wrapper, contracts by numeric id from {@code 10000001}
 * named {@code <BASE>USD} ({@code 1000<BASE>USD} for a 1000-token contract), USDT as coin {@code 1000}, decimals as
 * strings, times in ms.
 */
final class EdgexFakeJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USDT = "1000";
    /** Resolutions of the fake's assets: 10^9 units per contract token, 10^6 per USDT. */
    static final String CONTRACT_RESOLUTION = "0x3b9aca00";
    static final String QUOTE_RESOLUTION = "0xf4240";
    static final String CHAIN_ID = "33431";
    static final String CONTRACT_ADDRESS = "0x1ae109ea449cfe0bed08bfe8911e968a49a919b1";

    private final SimExchange sim;

    EdgexFakeJson(SimExchange sim) {
        this.sim = sim;
    }

    String contractId(String symbol) {
        List<Instrument> all = sim.instruments();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).symbol().equals(symbol)) {
                return Long.toString(10_000_001L + i);
            }
        }
        throw new EdgexFakeError(200, "CONTRACT_NOT_FOUND", "contract not found");
    }

    String symbolOf(String contractId) {
        List<Instrument> all = sim.instruments();
        try {
            int index = (int) (Long.parseLong(contractId) - 10_000_001L);
            if (index >= 0 && index < all.size()) {
                return all.get(index).symbol();
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new EdgexFakeError(200, "CONTRACT_NOT_FOUND", "contract not found: " + contractId);
    }

    Instrument instrument(String symbol) {
        return sim.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    static ObjectNode ok(Object data) {
        ObjectNode root = JSON.createObjectNode().put("code", "SUCCESS");
        root.set("data", JSON.valueToTree(data));
        root.putNull("msg");
        return root.put("requestTime", System.currentTimeMillis()).put("responseTime", System.currentTimeMillis());
    }

    static ObjectNode error(String code, String message) {
        ObjectNode root = JSON.createObjectNode().put("code", code);
        root.putNull("data");
        return root.put("msg", message);
    }

    ObjectNode metadata() {
        ObjectNode data = JSON.createObjectNode();
        data.putObject("global").put("chainId", CHAIN_ID).put("nativeChainId", CHAIN_ID)
                .put("contractAddress", CONTRACT_ADDRESS);
        data.putArray("coinList").addObject().put("coinId", USDT).put("coinName", "USDT")
                .put("resolution", QUOTE_RESOLUTION).put("stepSize", "0.000001");
        ArrayNode contracts = data.putArray("contractList");
        for (Instrument i : sim.instruments()) {
            String name = (i.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0 ? "1000" : "")
                    + i.symbol() + "USD";
            ObjectNode contract = contracts.addObject().put("contractId", contractId(i.symbol()))
                    .put("contractName", name).put("baseCoinId", "1" + contractId(i.symbol())).put("quoteCoinId", USDT)
                    .put("tickSize", plain(i.tickSize())).put("stepSize", plain(i.lotSize()))
                    .put("minOrderSize", plain(i.lotSize())).put("maxOrderSize", "1000000")
                    .put("resolution", CONTRACT_RESOLUTION).put("defaultMakerFeeRate", "0.0002")
                    .put("defaultTakerFeeRate", "0.0005").put("fundingRateIntervalMin", i.fundingIntervalHours() * 60L)
                    .put("enableTrade", true).put("enableDisplay", true);
            contract.putArray("riskTierList").addObject().put("tier", 1).put("positionValueUpperBound", "1000000")
                    .put("maxLeverage", String.valueOf(i.maxLeverage()));
        }
        return ok(data);
    }

    ObjectNode tickers(String onlyContract) {
        ArrayNode rows = JSON.createArrayNode();
        List<MarketStats> stats = sim.marketStats();
        for (FundingRate rate : sim.fundingRates()) {
            String id = contractId(rate.symbol());
            if (onlyContract != null && !onlyContract.equals(id)) {
                continue;
            }
            MarketStats stat = stats.stream().filter(s -> s.symbol().equals(rate.symbol())).findFirst().orElse(null);
            ObjectNode row = rows.addObject().put("contractId", id).put("contractName", rate.symbol() + "USD")
                    .put("lastPrice", plain(rate.markPrice())).put("indexPrice", plain(rate.indexPrice() == null
                            ? rate.markPrice() : rate.indexPrice())).put("oraclePrice", plain(rate.markPrice()))
                    .put("fundingRate", plain(rate.rate()))
                    .put("nextFundingTime", rate.nextFundingTime() == null ? "0"
                            : Long.toString(rate.nextFundingTime().toEpochMilli()));
            if (stat != null && stat.volume24hUsd() != null) {
                row.put("value", plain(stat.volume24hUsd()));
            }
            if (stat != null && stat.openInterestUsd() != null && rate.markPrice() != null) {
                row.put("openInterest", plain(stat.openInterestUsd().divide(rate.markPrice(), MathContext.DECIMAL64)));
            }
        }
        return ok(rows);
    }

    ObjectNode depth(String contractId, OrderBook book, long version, int level, String type) {
        ObjectNode row = JSON.createObjectNode().put("startVersion", Long.toString(version))
                .put("endVersion", Long.toString(version)).put("level", level).put("contractId", contractId)
                .put("depthType", type);
        levels(row.putArray("bids"), book.bids(), level);
        levels(row.putArray("asks"), book.asks(), level);
        return row;
    }

    private static void levels(ArrayNode array, List<PriceLevel> levels, int depth) {
        levels.stream().limit(depth).forEach(l -> array.addObject().put("price", plain(l.price()))
                .put("size", plain(l.quantity())));
    }

    ObjectNode order(Order o, long accountId) {
        BigDecimal filledValue = o.averagePrice() == null ? BigDecimal.ZERO : o.averagePrice().multiply(o.filledQuantity());
        return JSON.createObjectNode().put("id", o.venueOrderId() == null ? o.clientOrderId() : o.venueOrderId()
                        .replaceAll("\\D", "")).put("accountId", Long.toString(accountId))
                .put("contractId", contractId(o.symbol())).put("side", o.side() == Side.BUY ? "BUY" : "SELL")
                .put("type", o.type() == OrderType.MARKET ? "MARKET" : "LIMIT")
                .put("timeInForce", o.timeInForce() == TimeInForce.POST_ONLY ? "POST_ONLY"
                        : o.timeInForce() == TimeInForce.IOC ? "IMMEDIATE_OR_CANCEL" : "GOOD_TIL_CANCEL")
                .put("price", o.price() == null ? "0" : plain(o.price())).put("size", plain(o.quantity()))
                .put("clientOrderId", o.clientOrderId()).put("reduceOnly", o.reduceOnly())
                .put("status", switch (o.status()) {
                    case NEW -> "PENDING";
                    case OPEN, PARTIALLY_FILLED -> "OPEN";
                    case FILLED -> "FILLED";
                    case REJECTED -> "REJECTED";
                    default -> "CANCELED";
                })
                .put("cumFillSize", plain(o.filledQuantity())).put("cumFillValue", plain(filledValue))
                .put("cancelReason", o.status() == OrderStatus.CANCELED ? "USER_CANCELED" : "")
                .put("createdTime", Long.toString(o.createdAt().toEpochMilli()))
                .put("updatedTime", Long.toString((o.updatedAt() == null ? o.createdAt() : o.updatedAt()).toEpochMilli()));
    }

    ObjectNode fill(Fill f, long accountId) {
        return JSON.createObjectNode().put("id", f.tradeId()).put("orderId", f.venueOrderId() == null ? ""
                        : f.venueOrderId().replaceAll("\\D", "")).put("clientOrderId", f.clientOrderId())
                .put("accountId", Long.toString(accountId)).put("contractId", contractId(f.symbol()))
                .put("orderSide", f.side() == Side.BUY ? "BUY" : "SELL").put("fillPrice", plain(f.price()))
                .put("fillSize", plain(f.quantity())).put("fillValue", plain(f.price().multiply(f.quantity())))
                .put("fillFee", plain(f.fee())).put("direction", f.liquidity() == Liquidity.MAKER ? "MAKER" : "TAKER")
                .put("createdTime", Long.toString(f.timestamp().toEpochMilli()));
    }

    ObjectNode positionEntry(Position p) {
        return JSON.createObjectNode().put("contractId", contractId(p.symbol())).put("openSize", plain(p.quantity()))
                .put("openValue", plain(p.entryPrice() == null ? BigDecimal.ZERO : p.entryPrice().multiply(p.quantity())))
                .put("fundingFee", plain(p.fundingAccrued() == null ? BigDecimal.ZERO : p.fundingAccrued()))
                .put("updatedTime", Long.toString(p.timestamp().toEpochMilli()));
    }

    ObjectNode accountAsset() {
        ObjectNode data = JSON.createObjectNode();
        var balance = sim.balances().get(0);
        data.putArray("collateralAssetModelList").addObject().put("coinId", USDT)
                .put("totalEquity", plain(balance.total())).put("availableAmount", plain(balance.available()));
        ArrayNode positions = data.putArray("positionList");
        ArrayNode assets = data.putArray("positionAssetList");
        for (Position p : sim.positions()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            positions.add(positionEntry(p));
            assets.addObject().put("contractId", contractId(p.symbol()))
                    .put("avgEntryPrice", plain(p.entryPrice())).put("markPrice", plain(p.markPrice()))
                    .put("liquidatePrice", p.liquidationPrice() == null ? "0" : plain(p.liquidationPrice()))
                    .put("unrealizePnl", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO : p.unrealizedPnl()))
                    .put("positionValue", plain(p.markPrice() == null ? BigDecimal.ZERO
                            : p.markPrice().multiply(p.quantity())));
        }
        return ok(data);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}

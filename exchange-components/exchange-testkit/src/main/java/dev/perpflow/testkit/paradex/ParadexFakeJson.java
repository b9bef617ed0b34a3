package dev.perpflow.testkit.paradex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.sim.SimExchange;
import dev.perpflow.exchange.model.Balance;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The fake's Paradex payload shapes built from the sim's model, after paradex-py's generated response models
 * ({@code MarketResp}, {@code MarketSummaryResp}, {@code OrderResp}, {@code FillResult}, {@code PositionResp},
 * {@code AccountSummaryResponse}): decimals as strings, times in milliseconds, {@code BUY}/{@code SELL}, market names
 * {@code <BASE>-USD-PERP} (a sim contract of 1000 tokens is {@code k<BASE>-USD-PERP}), lists in
 * {@code {"results":[...]}}.
 */
final class ParadexFakeJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SimExchange sim;

    ParadexFakeJson(SimExchange sim) {
        this.sim = sim;
    }

    static String market(Instrument instrument) {
        String base = instrument.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0
                ? "k" + instrument.symbol() : instrument.symbol();
        return base + "-USD-PERP";
    }

    Instrument instrument(String symbol) {
        return sim.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new ParadexFakeError(400, "MARKET_NOT_FOUND", "market not found"));
    }

    String symbolOf(String market) {
        return sim.instruments().stream().filter(i -> market(i).equals(market)).findFirst().map(Instrument::symbol)
                .orElseThrow(() -> new ParadexFakeError(400, "MARKET_NOT_FOUND", "market not found: " + market));
    }

    static ObjectNode results(ArrayNode rows) {
        ObjectNode root = JSON.createObjectNode();
        root.set("results", rows);
        return root;
    }

    ObjectNode markets() {
        ArrayNode rows = JSON.createArrayNode();
        for (Instrument i : sim.instruments()) {
            ObjectNode row = rows.addObject().put("symbol", market(i)).put("base_currency", i.symbol())
                    .put("quote_currency", "USD").put("settlement_currency", "USDC").put("asset_kind", "PERP")
                    .put("market_kind", "cross").put("price_tick_size", plain(i.tickSize()))
                    .put("order_size_increment", plain(i.lotSize())).put("min_notional", plain(i.minNotional()))
                    .put("max_order_size", "1000000").put("funding_period_hours", i.fundingIntervalHours())
                    .put("max_funding_rate", "0.05").put("interest_rate", "0.0001").put("clamp_rate", "0.0005")
                    .put("open_at", 0).put("expiry_at", 0);
            row.putObject("delta1_cross_margin_params").put("imf_base", plain(BigDecimal.ONE.divide(
                    BigDecimal.valueOf(i.maxLeverage()), 8, RoundingMode.HALF_UP))).put("mmf_factor", "0.5");
        }
        // an option market, which is not a perpetual
        rows.addObject().put("symbol", "BTC-USD-100000-C").put("asset_kind", "PERP_OPTION")
                .put("price_tick_size", "0.1").put("order_size_increment", "0.001");
        return results(rows);
    }

    ObjectNode summaries() {
        ArrayNode rows = JSON.createArrayNode();
        List<MarketStats> stats = sim.marketStats();
        for (FundingRate rate : sim.fundingRates()) {
            Instrument i = instrument(rate.symbol());
            OrderBook book = sim.book(rate.symbol(), 1);
            MarketStats stat = stats.stream().filter(s -> s.symbol().equals(rate.symbol())).findFirst().orElse(null);
            BigDecimal mark = rate.markPrice();
            ObjectNode row = rows.addObject().put("symbol", market(i)).put("mark_price", plain(mark))
                    .put("underlying_price", plain(rate.indexPrice() == null ? mark : rate.indexPrice()))
                    .put("last_traded_price", plain(mark)).put("funding_rate", plain(rate.rate()))
                    .put("future_funding_rate", plain(rate.predictedRate() == null ? rate.rate() : rate.predictedRate()))
                    .put("created_at", sim.now().toEpochMilli());
            if (!book.bids().isEmpty()) {
                row.put("bid", plain(book.bids().get(0).price()));
            }
            if (!book.asks().isEmpty()) {
                row.put("ask", plain(book.asks().get(0).price()));
            }
            if (stat != null && stat.volume24hUsd() != null) {
                row.put("volume_24h", plain(stat.volume24hUsd()));
            }
            if (stat != null && stat.openInterestUsd() != null && mark != null && mark.signum() > 0) {
                row.put("open_interest", plain(stat.openInterestUsd().divide(mark, MathContext.DECIMAL64)));
            }
        }
        return results(rows);
    }

    ObjectNode orderBook(String market, OrderBook book, long seq, int depth) {
        ObjectNode root = JSON.createObjectNode().put("market", market).put("seq_no", seq)
                .put("last_updated_at", sim.now().toEpochMilli());
        pairs(root.putArray("bids"), book.bids(), depth);
        pairs(root.putArray("asks"), book.asks(), depth);
        return root;
    }

    private static void pairs(ArrayNode array, List<PriceLevel> levels, int depth) {
        levels.stream().limit(depth).forEach(l -> array.addArray().add(plain(l.price())).add(plain(l.quantity())));
    }

    /** A whole-book message of the snapshot channel. */
    ObjectNode bookSnapshot(String market, OrderBook book, long seq) {
        ObjectNode data = JSON.createObjectNode().put("seq_no", seq).put("market", market)
                .put("last_updated_at", sim.now().toEpochMilli()).put("update_type", "s");
        data.putArray("deletes");
        data.putArray("updates");
        ArrayNode inserts = data.putArray("inserts");
        book.bids().stream().limit(15).forEach(l -> inserts.addObject().put("side", "BUY")
                .put("price", plain(l.price())).put("size", plain(l.quantity())));
        book.asks().stream().limit(15).forEach(l -> inserts.addObject().put("side", "SELL")
                .put("price", plain(l.price())).put("size", plain(l.quantity())));
        return data;
    }

    ObjectNode order(Order o, String account) {
        Instrument i = instrument(o.symbol());
        ObjectNode row = JSON.createObjectNode().put("id", o.venueOrderId() == null ? o.clientOrderId()
                        : o.venueOrderId()).put("account", account).put("client_id", o.clientOrderId())
                .put("market", market(i)).put("side", o.side() == Side.BUY ? "BUY" : "SELL")
                .put("type", o.type() == OrderType.MARKET ? "MARKET" : "LIMIT").put("size", plain(o.quantity()))
                .put("remaining_size", plain(o.remainingQuantity()))
                .put("price", o.price() == null ? "0" : plain(o.price()))
                .put("avg_fill_price", o.averagePrice() == null ? "" : plain(o.averagePrice()))
                .put("status", switch (o.status()) {
                    case NEW -> "NEW";
                    case OPEN, PARTIALLY_FILLED -> "OPEN";
                    default -> "CLOSED";
                })
                .put("instruction", o.timeInForce() == TimeInForce.POST_ONLY ? "POST_ONLY"
                        : o.timeInForce() == TimeInForce.IOC && o.type() == OrderType.LIMIT ? "IOC" : "GTC")
                .put("cancel_reason", o.status() == OrderStatus.CANCELED ? "USER_CANCELED"
                        : o.status() == OrderStatus.REJECTED ? "UNEXPECTED_FAILURE" : "")
                .put("created_at", o.createdAt().toEpochMilli())
                .put("last_updated_at", (o.updatedAt() == null ? o.createdAt() : o.updatedAt()).toEpochMilli())
                .put("timestamp", o.createdAt().toEpochMilli());
        ArrayNode flags = row.putArray("flags");
        if (o.reduceOnly()) {
            flags.add("REDUCE_ONLY");
        }
        return row;
    }

    ObjectNode fill(Fill f, String account) {
        Instrument i = instrument(f.symbol());
        return JSON.createObjectNode().put("id", f.tradeId()).put("account", account)
                .put("client_id", f.clientOrderId() == null ? "" : f.clientOrderId())
                .put("order_id", f.venueOrderId() == null ? "" : f.venueOrderId()).put("market", market(i))
                .put("side", f.side() == Side.BUY ? "BUY" : "SELL").put("price", plain(f.price()))
                .put("size", plain(f.quantity())).put("fee", plain(f.fee()))
                .put("fee_currency", f.feeCurrency() == null ? "USDC" : f.feeCurrency())
                .put("liquidity", f.liquidity() == Liquidity.MAKER ? "MAKER" : "TAKER").put("fill_type", "FILL")
                .put("realized_funding", "0").put("realized_pnl", "0")
                .put("created_at", f.timestamp().toEpochMilli());
    }

    ObjectNode position(Position p, String account) {
        Instrument i = instrument(p.symbol());
        boolean flat = p.quantity().signum() == 0;
        return JSON.createObjectNode().put("id", account + "-" + market(i)).put("account", account)
                .put("market", market(i)).put("side", p.quantity().signum() < 0 ? "SHORT" : "LONG")
                .put("size", plain(p.quantity())).put("status", flat ? "CLOSED" : "OPEN")
                .put("average_entry_price", plain(p.entryPrice() == null ? BigDecimal.ZERO : p.entryPrice()))
                .put("liquidation_price", p.liquidationPrice() == null ? "" : plain(p.liquidationPrice()))
                .put("unrealized_pnl", plain(p.unrealizedPnl() == null ? BigDecimal.ZERO : p.unrealizedPnl()))
                .put("unrealized_funding_pnl", "0")
                .put("realized_positional_funding_pnl", plain(p.fundingAccrued() == null ? BigDecimal.ZERO
                        : p.fundingAccrued()))
                .put("leverage", p.leverage() == null ? "" : plain(p.leverage()))
                .put("cost", plain(p.entryPrice() == null ? BigDecimal.ZERO : p.entryPrice().multiply(p.quantity())))
                .put("last_updated_at", p.timestamp().toEpochMilli());
    }

    ObjectNode account(String account) {
        Balance balance = sim.balances().get(0);
        return JSON.createObjectNode().put("account", account).put("account_value", plain(balance.total()))
                .put("free_collateral", plain(balance.available())).put("total_collateral", plain(balance.total()))
                .put("settlement_asset", "USDC").put("status", "ACTIVE").put("updated_at", sim.now().toEpochMilli());
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}

package dev.perpflow.testkit.lighter;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's Lighter payloads built from the sim's model, in the shapes of Lighter's API reference (lighter-python
 * {@code docs/*.md}): snake_case fields, decimals as strings (a few floats where the venue writes floats), market ids
 * in the sim's instrument order, order indexes from 2^48 up (client order indexes are below), order times in epoch
 * seconds and updates in milliseconds, trade times in milliseconds. A market whose sim contract holds 1000 tokens is
 * {@code k<BASE>}. Funding: {@code funding-rates} writes the 8-hour equivalent of the sim's rate; the sim settles each
 * market on its own interval (hourly for a Lighter fake).
 */
final class LighterFakeJson {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The other side of every fake trade: the book's synthetic owner. */
    static final long BOOK_ACCOUNT = 1;
    private static final long FIRST_ORDER_INDEX = 1L << 48;
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    private final SimExchange sim;
    private final long account;
    private final Map<String, Long> orderIndexes = new ConcurrentHashMap<>();
    private final Map<String, Long> tradeIds = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderIndex = new AtomicLong(FIRST_ORDER_INDEX);
    private final AtomicLong nextTradeId = new AtomicLong(900_000_000L);
    /** Client order indexes of orders sent as market orders (the sim runs them as IOC limits at the price limit). */
    final Set<String> marketOrders = ConcurrentHashMap.newKeySet();
    /** Orders the sequencer refused: client order index → the order as cancelled with Lighter's reason. */
    final Map<String, ObjectNode> refused = new ConcurrentHashMap<>();

    LighterFakeJson(SimExchange sim, long account) {
        this.sim = sim;
        this.account = account;
    }

    // --- markets ---

    List<Instrument> instruments() {
        return sim.instruments();
    }

    static String venueSymbol(Instrument instrument) {
        return instrument.quantityMultiplier().compareTo(BigDecimal.valueOf(1000)) == 0 ? "k" + instrument.symbol()
                : instrument.symbol();
    }

    int marketId(String symbol) {
        List<Instrument> all = instruments();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        throw new LighterFakeAuth.Refused(400, 21600, "market not found");
    }

    Instrument instrument(int marketId) {
        List<Instrument> all = instruments();
        if (marketId < 0 || marketId >= all.size()) {
            throw new LighterFakeAuth.Refused(400, 21600, "market not found");
        }
        return all.get(marketId);
    }

    static int decimals(BigDecimal step) {
        return Math.max(0, step.stripTrailingZeros().scale());
    }

    ObjectNode orderBookDetails() {
        ObjectNode root = JSON.createObjectNode().put("code", 200);
        ArrayNode details = root.putArray("order_book_details");
        Map<String, MarketStats> stats = new java.util.HashMap<>();
        sim.marketStats().forEach(s -> stats.put(s.symbol(), s));
        Map<String, FundingRate> rates = new java.util.HashMap<>();
        sim.fundingRates().forEach(r -> rates.put(r.symbol(), r));
        for (Instrument instrument : instruments()) {
            OrderBook book = sim.book(instrument.symbol(), 1);
            BigDecimal mid = book.bbo().map(b -> b.bid().add(b.ask()).divide(BigDecimal.valueOf(2),
                    MathContext.DECIMAL64)).orElse(BigDecimal.ONE);
            MarketStats stat = stats.get(instrument.symbol());
            FundingRate rate = rates.get(instrument.symbol());
            int minFraction = 10_000 / instrument.maxLeverage();
            ObjectNode market = details.addObject().put("symbol", venueSymbol(instrument))
                    .put("market_id", marketId(instrument.symbol())).put("market_type", "perp")
                    .put("status", "active").put("taker_fee", "0.0000").put("maker_fee", "0.0000")
                    .put("liquidation_fee", "1.0000").put("min_base_amount", instrument.lotSize().toPlainString())
                    .put("min_quote_amount", instrument.minNotional().toPlainString())
                    .put("supported_size_decimals", decimals(instrument.lotSize()))
                    .put("supported_price_decimals", decimals(instrument.tickSize()))
                    .put("supported_quote_decimals", 6)
                    .put("size_decimals", decimals(instrument.lotSize()))
                    .put("price_decimals", decimals(instrument.tickSize())).put("quote_multiplier", 1)
                    .put("default_initial_margin_fraction", Math.max(minFraction, 500))
                    .put("min_initial_margin_fraction", minFraction).put("maintenance_margin_fraction", 120)
                    .put("closeout_margin_fraction", 80).put("last_trade_price", mid)
                    .put("daily_trades_count", 1000)
                    .put("funding_clamp_small", "0.0500").put("funding_clamp_big", "4.0000");
            if (stat != null && stat.volume24hUsd() != null) {
                market.put("daily_quote_token_volume", stat.volume24hUsd());
                market.put("daily_base_token_volume", stat.volume24hUsd().divide(mid, MathContext.DECIMAL64));
            }
            if (stat != null && stat.openInterestUsd() != null) {
                // base units, one side: the client doubles it back to the sim's two-sided USD figure
                market.put("open_interest", stat.openInterestUsd().divide(mid.multiply(BigDecimal.valueOf(2)),
                        MathContext.DECIMAL64));
            }
            BigDecimal mark = rate != null && rate.markPrice() != null ? rate.markPrice() : mid;
            market.put("mark_price", mark.toPlainString()).put("index_price",
                    (rate != null && rate.indexPrice() != null ? rate.indexPrice() : mark).toPlainString());
        }
        return root;
    }

    /** Lighter's rows (the 8-hour equivalent of the sim's rate) and a Binance row per market, as the venue mixes them. */
    ObjectNode fundingRates() {
        ObjectNode root = JSON.createObjectNode().put("code", 200);
        ArrayNode rows = root.putArray("funding_rates");
        for (FundingRate rate : sim.fundingRates()) {
            int marketId = marketId(rate.symbol());
            BigDecimal eightHours = rate.rate().multiply(EIGHT).divide(BigDecimal.valueOf(rate.intervalHours()),
                    MathContext.DECIMAL64);
            String name = venueSymbol(sim.instruments().stream().filter(i -> i.symbol().equals(rate.symbol()))
                    .findFirst().orElseThrow());
            rows.addObject().put("market_id", marketId).put("exchange", "binance").put("symbol", name)
                    .put("rate", eightHours.add(new BigDecimal("0.0005")));
            rows.addObject().put("market_id", marketId).put("exchange", "lighter").put("symbol", name)
                    .put("rate", eightHours);
        }
        return root;
    }

    /** The book as resting orders, one per level (the venue lists orders, the client sums them per price). */
    ObjectNode orderBookOrders(String symbol, int limit) {
        OrderBook book = sim.book(symbol, Math.max(1, limit));
        ObjectNode root = JSON.createObjectNode().put("code", 200);
        root.put("total_asks", book.asks().size());
        levels(root.putArray("asks"), book.asks(), limit);
        root.put("total_bids", book.bids().size());
        levels(root.putArray("bids"), book.bids(), limit);
        return root;
    }

    private void levels(ArrayNode into, List<PriceLevel> levels, int limit) {
        int n = 0;
        for (PriceLevel level : levels) {
            if (n++ == limit) {
                return;
            }
            long index = nextOrderIndex.incrementAndGet();
            into.addObject().put("order_index", String.valueOf(index)).put("order_id", String.valueOf(index))
                    .put("owner_account_index", BOOK_ACCOUNT)
                    .put("initial_base_amount", level.quantity().toPlainString())
                    .put("remaining_base_amount", level.quantity().toPlainString())
                    .put("price", level.price().toPlainString()).put("order_expiry", 0);
        }
    }

    static void bookLevels(ArrayNode into, List<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            into.addObject().put("price", level.price().toPlainString()).put("size", level.quantity().toPlainString());
        }
    }

    // --- orders, trades, account ---

    long orderIndex(Order order) {
        String key = order.venueOrderId() == null ? "c" + order.clientOrderId() : order.venueOrderId();
        return orderIndexes.computeIfAbsent(key, k -> nextOrderIndex.incrementAndGet());
    }

    ObjectNode order(Order order) {
        int marketId = marketId(order.symbol());
        BigDecimal filled = order.filledQuantity();
        BigDecimal filledQuote = order.averagePrice() == null ? BigDecimal.ZERO : order.averagePrice().multiply(filled);
        boolean market = marketOrders.contains(order.clientOrderId());
        long index = orderIndex(order);
        return JSON.createObjectNode().put("order_index", index).put("client_order_index",
                        Long.parseLong(order.clientOrderId()))
                .put("order_id", String.valueOf(index)).put("client_order_id", order.clientOrderId())
                .put("market_index", marketId).put("owner_account_index", account)
                .put("initial_base_amount", order.quantity().toPlainString())
                .put("price", order.price() == null ? "0" : order.price().toPlainString()).put("nonce", 0)
                .put("remaining_base_amount", order.status().isWorking() ? order.remainingQuantity().toPlainString()
                        : "0")
                .put("is_ask", order.side() == Side.SELL).put("base_size", 0).put("base_price", 0)
                .put("filled_base_amount", filled.toPlainString()).put("filled_quote_amount", filledQuote.toPlainString())
                .put("side", order.side() == Side.SELL ? "sell" : "buy").put("type", market ? "market" : "limit")
                .put("time_in_force", market || order.timeInForce() == TimeInForce.IOC ? "immediate-or-cancel"
                        : order.timeInForce() == TimeInForce.POST_ONLY ? "post-only" : "good-till-time")
                .put("reduce_only", order.reduceOnly()).put("trigger_price", "0").put("order_expiry", 0)
                .put("status", status(order)).put("timestamp", order.createdAt().getEpochSecond())
                .put("updated_at", order.updatedAt().toEpochMilli());
    }

    /** Lighter's status words: an IOC remainder the book could not take ends {@code canceled-not-enough-liquidity}. */
    static String status(Order order) {
        return switch (order.status()) {
            case NEW, OPEN, PARTIALLY_FILLED -> "open";
            case FILLED -> "filled";
            case REJECTED -> "canceled";
            case CANCELED -> order.timeInForce() == TimeInForce.IOC || order.type() == OrderType.MARKET
                    ? "canceled-not-enough-liquidity" : "canceled";
            default -> "pending";
        };
    }

    /** An order the sequencer refused (sendTx answered 200): cancelled with the reason, nothing filled. */
    ObjectNode refusedOrder(long clientIndex, int marketId, boolean ask, BigDecimal quantity, BigDecimal price,
            String status, Instant now) {
        long index = nextOrderIndex.incrementAndGet();
        return JSON.createObjectNode().put("order_index", index).put("client_order_index", clientIndex)
                .put("order_id", String.valueOf(index)).put("client_order_id", String.valueOf(clientIndex))
                .put("market_index", marketId).put("owner_account_index", account)
                .put("initial_base_amount", quantity.toPlainString()).put("price", price.toPlainString())
                .put("remaining_base_amount", "0").put("is_ask", ask).put("filled_base_amount", "0")
                .put("filled_quote_amount", "0").put("type", "limit").put("time_in_force", "good-till-time")
                .put("reduce_only", false).put("trigger_price", "0").put("status", status)
                .put("timestamp", now.getEpochSecond()).put("updated_at", now.toEpochMilli());
    }

    /** A sim fill as a Lighter trade: this account on one side, the book's owner on the other. */
    ObjectNode trade(Fill fill, Order order) {
        boolean ask = fill.side() == Side.SELL;
        boolean maker = fill.liquidity() == Liquidity.MAKER;
        long ownIndex = order == null ? 0 : orderIndex(order);
        long tradeId = tradeIds.computeIfAbsent(fill.tradeId(), k -> nextTradeId.incrementAndGet());
        long clientIndex = fill.clientOrderId() == null ? 0 : parseOrZero(fill.clientOrderId());
        BigDecimal notional = fill.price().multiply(fill.quantity());
        long feeRate = notional.signum() == 0 ? 0 : fill.fee().multiply(BigDecimal.valueOf(1_000_000))
                .divide(notional, 0, RoundingMode.HALF_UP).longValue();
        ObjectNode trade = JSON.createObjectNode().put("trade_id", tradeId).put("tx_hash", "0x" + tradeId)
                .put("type", "trade").put("market_id", marketId(fill.symbol()))
                .put("size", fill.quantity().toPlainString()).put("price", fill.price().toPlainString())
                .put("usd_amount", notional.toPlainString())
                .put("ask_id", ask ? ownIndex : 0).put("bid_id", ask ? 0 : ownIndex)
                .put("ask_account_id", ask ? account : BOOK_ACCOUNT).put("bid_account_id", ask ? BOOK_ACCOUNT : account)
                .put("is_maker_ask", ask == maker).put("block_height", tradeId)
                .put("timestamp", fill.timestamp().toEpochMilli())
                .put("ask_client_id", ask ? clientIndex : 0).put("bid_client_id", ask ? 0 : clientIndex);
        trade.put(maker ? "maker_fee" : "taker_fee", feeRate).put(maker ? "taker_fee" : "maker_fee", 0);
        return trade;
    }

    private static long parseOrZero(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    ObjectNode position(Position p) {
        BigDecimal size = p.quantity().abs();
        BigDecimal mark = p.markPrice() == null ? p.entryPrice() : p.markPrice();
        ObjectNode node = JSON.createObjectNode().put("market_id", marketId(p.symbol()))
                .put("symbol", venueSymbol(sim.instruments().stream().filter(i -> i.symbol().equals(p.symbol()))
                        .findFirst().orElseThrow()))
                .put("initial_margin_fraction", p.leverage() == null || p.leverage().signum() == 0 ? "10.00"
                        : BigDecimal.valueOf(100).divide(p.leverage(), 2, RoundingMode.HALF_UP).toPlainString())
                .put("open_order_count", 0).put("pending_order_count", 0).put("position_tied_order_count", 0)
                .put("sign", p.quantity().signum() < 0 ? -1 : 1).put("position", size.toPlainString())
                .put("avg_entry_price", p.entryPrice() == null ? "0" : p.entryPrice().toPlainString())
                .put("position_value", mark == null ? "0" : size.multiply(mark).toPlainString())
                .put("unrealized_pnl", p.unrealizedPnl() == null ? "0" : p.unrealizedPnl().toPlainString())
                .put("realized_pnl", "0")
                .put("liquidation_price", p.liquidationPrice() == null ? "0" : p.liquidationPrice().toPlainString())
                .put("margin_mode", 0)
                .put("allocated_margin", p.margin() == null ? "0" : p.margin().toPlainString());
        if (p.fundingAccrued() != null) {
            node.put("total_funding_paid_out", p.fundingAccrued().negate().toPlainString());
        }
        return node;
    }

    ObjectNode account(List<Position> positions) {
        dev.perpflow.exchange.model.Balance balance = sim.balances().stream().findFirst().orElseThrow();
        ObjectNode root = JSON.createObjectNode().put("code", 200).put("total", 1);
        ObjectNode acct = root.putArray("accounts").addObject().put("code", 0).put("account_type", 0)
                .put("index", account).put("account_index", account).put("l1_address", "0x" + "0".repeat(40))
                .put("status", 1).put("collateral", balance.total().toPlainString())
                .put("available_balance", balance.available().toPlainString())
                .put("total_asset_value", balance.total().toPlainString());
        ArrayNode rows = acct.putArray("positions");
        positions.forEach(p -> rows.add(position(p)));
        return root;
    }

    static boolean working(Order order) {
        return order.status() == OrderStatus.NEW || order.status() == OrderStatus.OPEN
                || order.status() == OrderStatus.PARTIALLY_FILLED;
    }
}

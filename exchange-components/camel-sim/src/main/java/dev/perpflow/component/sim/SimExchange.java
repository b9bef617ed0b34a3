package dev.perpflow.component.sim;

import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
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
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated venue's engine: synchronous and deterministic for a given config, seed and sequence of calls and
 * times. Time only moves through {@link #advanceTo(Instant)}, which runs every due price step and funding
 * settlement in order. Thread-safe (one lock); {@link SimExchangeClient} adds the asynchronous API on top.
 */
public final class SimExchange {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final String QUOTE = "USDT";
    /** The account every call without an account name trades (the venue's own single account). */
    public static final String DEFAULT_ACCOUNT = "default";

    private final SimVenueConfig config;
    private final String venue;
    private final Map<String, SimMarket> markets = new LinkedHashMap<>();
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private SimEventSink sink;
    private Instant now;
    private Instant nextPriceStep;
    private long orderSequence;
    private long tradeSequence;
    private long bookSequence;

    public SimExchange(SimVenueConfig config, Instant start) {
        this.config = config;
        this.venue = config.name();
        this.accounts.put(DEFAULT_ACCOUNT, new SimAccount(DEFAULT_ACCOUNT, config.initialBalance()));
        this.now = start;
        this.nextPriceStep = start.plus(config.priceStep());
        for (SimMarketConfig market : config.markets()) {
            markets.put(market.symbol(), new SimMarket(config, market, start));
        }
    }

    public SimVenueConfig config() {
        return config;
    }

    synchronized void setSink(SimEventSink sink) {
        this.sink = sink;
    }

    public synchronized Instant now() {
        return now;
    }

    /** Runs every price step and funding settlement due up to {@code target}, in time order. */
    public synchronized void advanceTo(Instant target) {
        while (true) {
            SimMarket settling = null;
            for (SimMarket market : markets.values()) {
                if (settling == null || market.nextSettlement().isBefore(settling.nextSettlement())) {
                    settling = market;
                }
            }
            boolean settleFirst = settling != null && !settling.nextSettlement().isAfter(nextPriceStep);
            Instant next = settleFirst ? settling.nextSettlement() : nextPriceStep;
            if (next.isAfter(target)) {
                break;
            }
            now = next;
            if (settleFirst) {
                settle(settling);
            } else {
                nextPriceStep = nextPriceStep.plus(config.priceStep());
                for (SimMarket market : markets.values()) {
                    market.stepPrice();
                    afterPriceChange(market);
                }
            }
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }

    /** Moves a market's mid to an exact price now, as a price step would (resting orders, liquidations, book). */
    public synchronized void setMid(String symbol, BigDecimal price) {
        SimMarket market = market(symbol);
        market.setMid(price);
        afterPriceChange(market);
    }

    /** Changes a market's funding interval (1, 4 or 8 h) from the next settlement on, as a venue may. */
    public synchronized void changeFundingInterval(String symbol, int hours) {
        market(symbol).changeFundingInterval(config, hours);
    }

    /** Widens a market's half spread by {@code extraTicks} ticks (0 restores it): a stressed, thin market. */
    public synchronized void widenSpread(String symbol, long extraTicks) {
        SimMarket market = market(symbol);
        market.widenSpread(extraTicks);
        afterPriceChange(market);
    }

    public synchronized Order submit(OrderRequest request) {
        return submit(DEFAULT_ACCOUNT, request);
    }

    /** Places an order for {@code account} (created with the venue's initial balance on first use). */
    public synchronized Order submit(String account, OrderRequest request) {
        SimAccount owner = account(account);
        SimMarket market = market(request.symbol());
        String clientId = request.clientOrderId();
        if (owner.orders.containsKey(clientId)) {
            throw new OrderRejectedException(venue, clientId, "duplicate client order id");
        }
        SimMarketConfig spec = market.config();
        requireOnGrid(request.quantity(), spec.lotSize(), clientId, "quantity", "lot size");
        if (request.price() != null) {
            requireOnGrid(request.price(), spec.tickSize(), clientId, "price", "tick size");
        }
        SimPosition position = position(owner, market);
        BigDecimal quantity = request.quantity();
        if (request.reduceOnly()) {
            if (position.quantity().signum() == 0 || Side.reducing(position.quantity()) != request.side()) {
                throw new OrderRejectedException(venue, clientId, "reduce-only order would increase the position");
            }
            quantity = quantity.min(position.quantity().abs());
        }
        BigDecimal referencePrice = request.price() != null ? request.price() : market.mid();
        BigDecimal notional = quantity.multiply(referencePrice).multiply(spec.quantityMultiplier());
        if (!request.reduceOnly() && notional.compareTo(spec.minNotional()) < 0) {
            throw new OrderRejectedException(venue, clientId, "notional " + notional.toPlainString()
                    + " is below the minimum " + spec.minNotional().toPlainString());
        }
        if (request.timeInForce() == TimeInForce.POST_ONLY && crosses(market, request.side(), request.price())) {
            throw new OrderRejectedException(venue, clientId, "post-only order would cross the book (best "
                    + (request.side() == Side.BUY ? "ask " + market.bestAsk() : "bid " + market.bestBid()) + ")");
        }
        if (!request.reduceOnly()) {
            requireMargin(owner, market, position, request.side(), quantity, referencePrice, clientId);
        }
        SimOrder order = new SimOrder(owner.name, request, venue + "-" + (++orderSequence), quantity, now);
        owner.orders.put(clientId, order);
        order.status = OrderStatus.OPEN;
        if (request.timeInForce() != TimeInForce.POST_ONLY) {
            takeLiquidity(owner, market, order, request.type() == OrderType.LIMIT ? request.price() : null);
        }
        boolean rests = request.type() == OrderType.LIMIT && request.timeInForce() != TimeInForce.IOC;
        if (!rests && order.status.isWorking()) {
            order.close(OrderStatus.CANCELED, now);
        }
        emitOrder(order);
        return order.snapshot(venue);
    }

    /** Cancels a working order; an order that already ended is returned as it is. */
    public synchronized Order cancel(String symbol, String clientOrderId) {
        return cancel(DEFAULT_ACCOUNT, symbol, clientOrderId);
    }

    public synchronized Order cancel(String account, String symbol, String clientOrderId) {
        SimOrder order = find(account(account), symbol, clientOrderId);
        if (order.status.isWorking()) {
            order.close(OrderStatus.CANCELED, now);
            emitOrder(order);
        }
        return order.snapshot(venue);
    }

    public synchronized Order query(String symbol, String clientOrderId) {
        return query(DEFAULT_ACCOUNT, symbol, clientOrderId);
    }

    public synchronized Order query(String account, String symbol, String clientOrderId) {
        return find(account(account), symbol, clientOrderId).snapshot(venue);
    }

    public synchronized List<Order> openOrders(String symbol) {
        return openOrders(DEFAULT_ACCOUNT, symbol);
    }

    public synchronized List<Order> openOrders(String account, String symbol) {
        return account(account).orders.values().stream().filter(o -> o.status.isWorking())
                .filter(o -> symbol == null || o.request.symbol().equals(symbol)).map(o -> o.snapshot(venue)).toList();
    }

    public synchronized List<Position> positions() {
        return positions(DEFAULT_ACCOUNT);
    }

    public synchronized List<Position> positions(String account) {
        SimAccount owner = account(account);
        List<Position> result = new ArrayList<>();
        for (SimMarket market : markets.values()) {
            SimPosition position = owner.positions.get(market.symbol());
            if (position != null && position.quantity().signum() != 0) {
                result.add(position.toPosition(venue, market.mid(), config.maintenanceMarginRate(), now));
            }
        }
        return result;
    }

    public synchronized List<Balance> balances() {
        return balances(DEFAULT_ACCOUNT);
    }

    public synchronized List<Balance> balances(String account) {
        SimAccount owner = account(account);
        BigDecimal equity = equity(owner);
        return List.of(new Balance(venue, QUOTE, equity, equity.subtract(marginInUse(owner)), now));
    }

    public synchronized List<Fill> fillsSince(Instant since) {
        return fillsSince(DEFAULT_ACCOUNT, since);
    }

    public synchronized List<Fill> fillsSince(String account, Instant since) {
        return account(account).fills.stream().filter(f -> !f.timestamp().isBefore(since)).toList();
    }

    public synchronized List<FundingSettlement> settlements() {
        return settlements(DEFAULT_ACCOUNT);
    }

    public synchronized List<FundingSettlement> settlements(String account) {
        return List.copyOf(account(account).settlements);
    }

    /** Clamps to 1..max leverage of the market and returns the leverage applied. */
    public synchronized int setLeverage(String symbol, int leverage) {
        return setLeverage(DEFAULT_ACCOUNT, symbol, leverage);
    }

    public synchronized int setLeverage(String account, String symbol, int leverage) {
        SimMarket market = market(symbol);
        int applied = Math.max(1, Math.min(leverage, market.config().maxLeverage()));
        position(account(account), market).setLeverage(applied);
        return applied;
    }

    /** The names of the accounts that traded here, the default one first. */
    public synchronized List<String> accounts() {
        return List.copyOf(accounts.keySet());
    }

    public synchronized List<Instrument> instruments() {
        return markets.values().stream().map(m -> m.instrument(venue)).toList();
    }

    public synchronized List<FundingRate> fundingRates() {
        return markets.values().stream().map(m -> new FundingRate(venue, m.symbol(), m.fundingRate(),
                m.config().fundingIntervalHours(), m.predictedRate(), m.mid(), m.mid(), m.nextSettlement(), now))
                .toList();
    }

    public synchronized List<MarketStats> marketStats() {
        return markets.values().stream().map(m -> {
            BigDecimal priceRatio = m.mid().divide(m.config().initialPrice(), MC);
            return new MarketStats(venue, m.symbol(), scale(m.config().volume24hUsd().multiply(priceRatio)),
                    scale(m.config().openInterestUsd().multiply(priceRatio)), now);
        }).toList();
    }

    public synchronized OrderBook book(String symbol, int depth) {
        return market(symbol).book(venue, depth, now, bookSequence);
    }

    // --- matching ---

    private void takeLiquidity(SimAccount owner, SimMarket market, SimOrder order, BigDecimal limit) {
        boolean buying = order.request.side() == Side.BUY;
        for (int level = 0; level < config.bookLevels() && order.remaining().signum() > 0; level++) {
            BigDecimal price = market.levelPrice(level, buying);
            if (limit != null && (buying ? price.compareTo(limit) > 0 : price.compareTo(limit) < 0)) {
                break;
            }
            execute(owner, market, order, order.remaining().min(market.levelQuantity(price)), price, Liquidity.TAKER);
            if (order.status.isTerminal()) {
                break;
            }
        }
    }

    private void afterPriceChange(SimMarket market) {
        for (SimAccount owner : accounts.values()) {
            for (SimOrder order : List.copyOf(owner.orders.values())) {
                if (!order.status.isWorking() || !order.request.symbol().equals(market.symbol())) {
                    continue;
                }
                BigDecimal price = order.request.price();
                boolean tradedThrough = order.request.side() == Side.BUY ? market.bestAsk().compareTo(price) <= 0
                        : market.bestBid().compareTo(price) >= 0;
                if (tradedThrough) {
                    BigDecimal step = market.quantityForNotional(config.restingFillNotionalUsd(), price);
                    execute(owner, market, order, order.remaining().min(step), price, Liquidity.MAKER);
                    emitOrder(order);
                }
            }
            liquidateIfBreached(owner, market);
        }
        bookSequence++;
        if (sink != null && sink.wantsBook(market.symbol())) {
            sink.onBook(market.book(venue, config.bookLevels(), now, bookSequence));
        }
    }

    private void execute(SimAccount owner, SimMarket market, SimOrder order, BigDecimal wanted, BigDecimal price,
            Liquidity liquidity) {
        SimPosition position = position(owner, market);
        BigDecimal quantity = wanted;
        if (order.request.reduceOnly()) {
            boolean reduces = position.quantity().signum() != 0 && Side.reducing(position.quantity()) == order.request.side();
            quantity = reduces ? quantity.min(position.quantity().abs()) : BigDecimal.ZERO;
        }
        if (quantity.signum() > 0) {
            BigDecimal multiplier = market.config().quantityMultiplier();
            BigDecimal feeRate = liquidity == Liquidity.MAKER ? config.makerFee() : config.takerFee();
            BigDecimal fee = scale(price.multiply(quantity).multiply(multiplier).multiply(feeRate));
            BigDecimal realized = position.apply(order.request.side(), quantity, price);
            owner.cash = owner.cash.add(realized).subtract(fee);
            order.fill(quantity, price, now);
            record(owner, new Fill(venue, venue + "-t" + (++tradeSequence), order.request.clientOrderId(),
                    order.venueOrderId, market.symbol(), order.request.side(), price, quantity, fee, QUOTE, liquidity,
                    now), market, position);
        }
        if (order.request.reduceOnly() && order.status.isWorking() && position.quantity().signum() == 0) {
            order.close(OrderStatus.CANCELED, now); // nothing left to reduce
        }
    }

    private void liquidateIfBreached(SimAccount owner, SimMarket market) {
        SimPosition position = owner.positions.get(market.symbol());
        if (position == null || position.quantity().signum() == 0) {
            return;
        }
        BigDecimal liquidation = position.liquidationPrice(config.maintenanceMarginRate());
        BigDecimal mark = market.mid();
        boolean breached = position.quantity().signum() > 0 ? mark.compareTo(liquidation) <= 0
                : mark.compareTo(liquidation) >= 0;
        if (!breached) {
            return;
        }
        Side side = Side.reducing(position.quantity());
        BigDecimal quantity = position.quantity().abs();
        BigDecimal price = market.roundToTick(liquidation, RoundingMode.HALF_EVEN);
        owner.cash = owner.cash.add(position.apply(side, quantity, price));
        record(owner, new Fill(venue, venue + "-liq-" + (++tradeSequence), null, null, market.symbol(), side, price,
                quantity, BigDecimal.ZERO, QUOTE, Liquidity.TAKER, now), market, position);
        for (SimOrder order : owner.orders.values()) {
            if (order.status.isWorking() && order.request.symbol().equals(market.symbol()) && order.request.reduceOnly()) {
                order.close(OrderStatus.CANCELED, now);
                emitOrder(order);
            }
        }
    }

    private void settle(SimMarket market) {
        BigDecimal rate = market.fundingRate();
        BigDecimal mark = market.mid();
        for (SimAccount owner : accounts.values()) {
            SimPosition position = owner.positions.get(market.symbol());
            if (position != null && position.quantity().signum() != 0) {
                BigDecimal amount = scale(position.quantity().negate().multiply(mark)
                        .multiply(market.config().quantityMultiplier()).multiply(rate));
                owner.cash = owner.cash.add(amount);
                position.addFunding(amount);
                owner.settlements.add(new FundingSettlement(market.symbol(), now, rate, position.quantity(), mark,
                        amount));
                if (sink != null) {
                    sink.onPosition(owner.name, position.toPosition(venue, mark, config.maintenanceMarginRate(), now));
                }
            }
        }
        market.advanceFunding();
    }

    // --- account ---

    private SimAccount account(String name) {
        return accounts.computeIfAbsent(name == null ? DEFAULT_ACCOUNT : name,
                n -> new SimAccount(n, config.initialBalance()));
    }

    private void requireMargin(SimAccount owner, SimMarket market, SimPosition position, Side side, BigDecimal quantity,
            BigDecimal price, String clientId) {
        BigDecimal offsetting = position.quantity().signum() != 0 && Side.reducing(position.quantity()) == side
                ? position.quantity().abs() : BigDecimal.ZERO;
        BigDecimal increasing = quantity.subtract(offsetting).max(BigDecimal.ZERO);
        BigDecimal required = increasing.multiply(price).multiply(market.config().quantityMultiplier())
                .divide(BigDecimal.valueOf(position.leverage()), MC);
        BigDecimal available = equity(owner).subtract(marginInUse(owner));
        if (required.compareTo(available) > 0) {
            throw new InsufficientMarginException(venue, clientId, "needs " + scale(required).toPlainString() + " "
                    + QUOTE + ", available " + scale(available).toPlainString());
        }
    }

    private BigDecimal equity(SimAccount owner) {
        BigDecimal equity = owner.cash;
        for (SimMarket market : markets.values()) {
            SimPosition position = owner.positions.get(market.symbol());
            if (position != null) {
                equity = equity.add(position.unrealizedPnl(market.mid()));
            }
        }
        return scale(equity);
    }

    private BigDecimal marginInUse(SimAccount owner) {
        BigDecimal margin = BigDecimal.ZERO;
        for (SimPosition position : owner.positions.values()) {
            margin = margin.add(position.margin());
        }
        for (SimOrder order : owner.orders.values()) {
            if (order.status.isWorking() && !order.request.reduceOnly() && order.request.price() != null) {
                SimMarket market = markets.get(order.request.symbol());
                margin = margin.add(order.remaining().multiply(order.request.price())
                        .multiply(market.config().quantityMultiplier())
                        .divide(BigDecimal.valueOf(position(owner, market).leverage()), MC));
            }
        }
        return scale(margin);
    }

    // --- helpers ---

    private void record(SimAccount owner, Fill fill, SimMarket market, SimPosition position) {
        owner.fills.add(fill);
        if (sink != null) {
            sink.onFill(owner.name, fill);
            sink.onPosition(owner.name, position.toPosition(venue, market.mid(), config.maintenanceMarginRate(), now));
        }
    }

    private void emitOrder(SimOrder order) {
        if (sink != null) {
            sink.onOrder(order.account, order.snapshot(venue));
        }
    }

    private boolean crosses(SimMarket market, Side side, BigDecimal price) {
        return side == Side.BUY ? price.compareTo(market.bestAsk()) >= 0 : price.compareTo(market.bestBid()) <= 0;
    }

    private void requireOnGrid(BigDecimal value, BigDecimal step, String clientId, String what, String grid) {
        if (value.remainder(step).signum() != 0) {
            throw new OrderRejectedException(venue, clientId, what + " " + value.toPlainString()
                    + " is not a multiple of the " + grid + " " + step.toPlainString());
        }
    }

    private SimOrder find(SimAccount owner, String symbol, String clientOrderId) {
        SimOrder order = owner.orders.get(clientOrderId);
        if (order == null || (symbol != null && !order.request.symbol().equals(symbol))) {
            throw new OrderNotFoundException(venue, clientOrderId);
        }
        return order;
    }

    private SimMarket market(String symbol) {
        SimMarket market = markets.get(symbol);
        if (market == null) {
            throw new MarketNotFoundException(venue, symbol);
        }
        return market;
    }

    private SimPosition position(SimAccount owner, SimMarket market) {
        return owner.positions.computeIfAbsent(market.symbol(), s -> new SimPosition(s,
                market.config().quantityMultiplier(), Math.min(config.defaultLeverage(), market.config().maxLeverage())));
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN);
    }
}

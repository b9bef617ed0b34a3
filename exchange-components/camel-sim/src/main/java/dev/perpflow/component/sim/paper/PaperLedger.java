package dev.perpflow.component.sim.paper;

import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paper account: orders, positions, cash and fills of a venue whose orders are simulated. A taker order walks
 * the live book it is given (each level at most once, at its quantity); a limit remainder rests and fills as maker,
 * at its own price, once a later book trades through it. Margin, reduce-only and post-only follow the same rules as
 * camel-sim's engine. Thread-safe (one lock).
 */
final class PaperLedger {

    interface Events {
        void onOrder(Order order);

        void onFill(Fill fill);

        void onPosition(Position position);
    }

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final String QUOTE = "USDT";
    private static final int DEFAULT_LEVERAGE = 5;

    private final String venue;
    private final BigDecimal makerFee;
    private final BigDecimal takerFee;
    private final Clock clock;
    private final Events events;
    private final Map<String, PaperOrder> orders = new LinkedHashMap<>();
    private final Map<String, PaperPosition> positions = new LinkedHashMap<>();
    private final Map<String, Integer> leverage = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private BigDecimal cash;
    private long sequence;

    PaperLedger(String venue, BigDecimal makerFee, BigDecimal takerFee, BigDecimal initialBalance, Clock clock,
            Events events) {
        this.venue = venue;
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.cash = initialBalance;
        this.clock = clock;
        this.events = events;
    }

    synchronized Order submit(OrderRequest request, Instrument instrument, OrderBook book) {
        String clientId = request.clientOrderId();
        if (orders.containsKey(clientId)) {
            throw new OrderRejectedException(venue, clientId, "duplicate client order id");
        }
        PaperPosition position = positions.computeIfAbsent(request.symbol(),
                s -> new PaperPosition(s, instrument.quantityMultiplier()));
        BigDecimal quantity = request.quantity();
        if (request.reduceOnly()) {
            if (position.quantity.signum() == 0 || Side.reducing(position.quantity) != request.side()) {
                throw new OrderRejectedException(venue, clientId, "reduce-only order would increase the position");
            }
            quantity = quantity.min(position.quantity.abs());
        }
        List<PriceLevel> levels = book.levels(request.side());
        if (levels.isEmpty()) {
            throw new OrderRejectedException(venue, clientId, "the live book of " + request.symbol() + " is empty");
        }
        if (request.timeInForce() == TimeInForce.POST_ONLY && crosses(request.side(), request.price(), levels.get(0))) {
            throw new OrderRejectedException(venue, clientId, "post-only order would cross the book (best "
                    + levels.get(0).price().toPlainString() + ")");
        }
        BigDecimal reference = request.price() != null ? request.price() : levels.get(0).price();
        if (!request.reduceOnly()) {
            requireMargin(request, instrument, quantity, reference);
        }
        PaperOrder order = new PaperOrder(request, venue + "-paper-" + (++sequence), quantity, clock.instant());
        orders.put(clientId, order);
        if (request.timeInForce() != TimeInForce.POST_ONLY) {
            for (PriceLevel level : levels) {
                if (order.remaining().signum() == 0 || !fillsAt(request, level.price())) {
                    break;
                }
                execute(order, position, order.remaining().min(level.quantity()), level.price(), Liquidity.TAKER);
            }
        }
        boolean rests = request.type() == OrderType.LIMIT && request.timeInForce() != TimeInForce.IOC;
        if (order.remaining().signum() > 0 && !rests) {
            order.status = OrderStatus.CANCELED; // market/IOC remainder beyond the book's depth
        }
        Order view = order.view(venue, clock.instant());
        events.onOrder(view);
        return view;
    }

    synchronized Order cancel(String clientId) {
        PaperOrder order = find(clientId);
        if (order.status.isWorking()) {
            order.status = OrderStatus.CANCELED;
            events.onOrder(order.view(venue, clock.instant()));
        }
        return order.view(venue, clock.instant());
    }

    synchronized Order order(String clientId) {
        return find(clientId).view(venue, clock.instant());
    }

    synchronized List<Order> openOrders(String symbol) {
        return orders.values().stream().filter(o -> o.status.isWorking())
                .filter(o -> symbol == null || o.request.symbol().equals(symbol))
                .map(o -> o.view(venue, clock.instant())).toList();
    }

    synchronized Set<String> symbolsWithRestingOrders() {
        Set<String> symbols = new TreeSet<>();
        orders.values().stream().filter(o -> o.status.isWorking()).forEach(o -> symbols.add(o.request.symbol()));
        return symbols;
    }

    /** Fills resting orders the book's touch has traded through, at their own price, as maker. */
    synchronized void matchResting(OrderBook book) {
        if (book.bids().isEmpty() || book.asks().isEmpty()) {
            return;
        }
        mark(book.symbol(), book.bbo().orElseThrow().mid());
        for (PaperOrder order : List.copyOf(orders.values())) {
            if (!order.status.isWorking() || !order.request.symbol().equals(book.symbol())) {
                continue;
            }
            BigDecimal price = order.request.price();
            boolean tradedThrough = order.request.side() == Side.BUY
                    ? book.asks().get(0).price().compareTo(price) <= 0
                    : book.bids().get(0).price().compareTo(price) >= 0;
            if (tradedThrough) {
                execute(order, positions.get(order.request.symbol()), order.remaining(), price, Liquidity.MAKER);
                events.onOrder(order.view(venue, clock.instant()));
            }
        }
    }

    synchronized List<String> positionSymbols() {
        return positions.values().stream().filter(p -> p.quantity.signum() != 0).map(p -> p.symbol).toList();
    }

    synchronized void mark(String symbol, BigDecimal mid) {
        PaperPosition position = positions.get(symbol);
        if (position != null) {
            position.mark = mid;
        }
    }

    synchronized List<Position> positions() {
        return positions.values().stream().filter(p -> p.quantity.signum() != 0).map(this::view).toList();
    }

    synchronized List<Balance> balances() {
        BigDecimal equity = equity();
        return List.of(new Balance(venue, QUOTE, equity, equity.subtract(marginInUse()).max(BigDecimal.ZERO),
                clock.instant()));
    }

    synchronized List<Fill> fillsSince(Instant since) {
        return fills.stream().filter(f -> !f.timestamp().isBefore(since)).toList();
    }

    synchronized int setLeverage(String symbol, int value) {
        leverage.put(symbol, value);
        return value;
    }

    private void execute(PaperOrder order, PaperPosition position, BigDecimal quantity, BigDecimal price,
            Liquidity liquidity) {
        if (order.request.reduceOnly()) {
            quantity = quantity.min(position.quantity.abs());
        }
        if (quantity.signum() <= 0) {
            order.status = OrderStatus.CANCELED;
            return;
        }
        BigDecimal fee = price.multiply(quantity).multiply(position.multiplier)
                .multiply(liquidity == Liquidity.MAKER ? makerFee : takerFee).setScale(8, RoundingMode.HALF_EVEN);
        cash = cash.add(position.apply(order.request.side(), quantity, price)).subtract(fee);
        position.mark = price;
        order.fill(quantity, price);
        Fill fill = new Fill(venue, venue + "-paper-t" + (++sequence), order.request.clientOrderId(), order.venueOrderId,
                order.request.symbol(), order.request.side(), price, quantity, fee, QUOTE, liquidity, clock.instant());
        fills.add(fill);
        events.onFill(fill);
        events.onPosition(view(position));
    }

    private void requireMargin(OrderRequest request, Instrument instrument, BigDecimal quantity, BigDecimal price) {
        BigDecimal required = quantity.multiply(price).multiply(instrument.quantityMultiplier())
                .divide(BigDecimal.valueOf(leverageOf(request.symbol())), MC);
        BigDecimal available = equity().subtract(marginInUse());
        if (required.compareTo(available) > 0) {
            throw new InsufficientMarginException(venue, request.clientOrderId(), "needs "
                    + required.setScale(2, RoundingMode.UP).toPlainString() + " " + QUOTE + ", available "
                    + available.setScale(2, RoundingMode.DOWN).toPlainString() + " (paper account)");
        }
    }

    private BigDecimal equity() {
        return positions.values().stream().map(PaperPosition::unrealized).reduce(cash, BigDecimal::add);
    }

    private BigDecimal marginInUse() {
        return positions.values().stream()
                .map(p -> p.notional().divide(BigDecimal.valueOf(leverageOf(p.symbol)), MC))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private int leverageOf(String symbol) {
        return leverage.getOrDefault(symbol, DEFAULT_LEVERAGE);
    }

    private Position view(PaperPosition p) {
        return new Position(venue, p.symbol, p.quantity, p.entryPrice, p.mark, null, p.unrealized(), BigDecimal.ZERO,
                p.notional().divide(BigDecimal.valueOf(leverageOf(p.symbol)), MC),
                BigDecimal.valueOf(leverageOf(p.symbol)), clock.instant());
    }

    private PaperOrder find(String clientId) {
        PaperOrder order = orders.get(clientId);
        if (order == null) {
            throw new OrderNotFoundException(venue, clientId);
        }
        return order;
    }

    private static boolean crosses(Side side, BigDecimal price, PriceLevel touch) {
        return side == Side.BUY ? price.compareTo(touch.price()) >= 0 : price.compareTo(touch.price()) <= 0;
    }

    private static boolean fillsAt(OrderRequest request, BigDecimal levelPrice) {
        if (request.type() == OrderType.MARKET) {
            return true;
        }
        return request.side() == Side.BUY ? levelPrice.compareTo(request.price()) <= 0
                : levelPrice.compareTo(request.price()) >= 0;
    }

    private static final class PaperOrder {
        final OrderRequest request;
        final String venueOrderId;
        final BigDecimal quantity;
        final Instant createdAt;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        OrderStatus status = OrderStatus.OPEN;

        PaperOrder(OrderRequest request, String venueOrderId, BigDecimal quantity, Instant createdAt) {
            this.request = request;
            this.venueOrderId = venueOrderId;
            this.quantity = quantity;
            this.createdAt = createdAt;
        }

        BigDecimal remaining() {
            return status.isWorking() ? quantity.subtract(filled) : BigDecimal.ZERO;
        }

        void fill(BigDecimal amount, BigDecimal price) {
            filled = filled.add(amount);
            notional = notional.add(amount.multiply(price));
            status = filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        }

        Order view(String venue, Instant now) {
            BigDecimal average = filled.signum() == 0 ? null : notional.divide(filled, MC);
            return new Order(venue, request.clientOrderId(), venueOrderId, request.symbol(), request.side(),
                    request.type(), request.timeInForce(), quantity, request.price(), filled, average, status,
                    request.reduceOnly(), null, createdAt, now);
        }
    }

    private static final class PaperPosition {
        final String symbol;
        final BigDecimal multiplier;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal entryPrice = BigDecimal.ZERO;
        BigDecimal mark;

        PaperPosition(String symbol, BigDecimal multiplier) {
            this.symbol = symbol;
            this.multiplier = multiplier;
        }

        /** Applies a fill; returns the PnL realized by its closing part. */
        BigDecimal apply(Side side, BigDecimal amount, BigDecimal price) {
            BigDecimal signed = amount.multiply(side.sign());
            if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
                BigDecimal total = quantity.abs().add(amount);
                entryPrice = quantity.abs().multiply(entryPrice).add(amount.multiply(price)).divide(total, MC);
                quantity = quantity.add(signed);
                return BigDecimal.ZERO;
            }
            BigDecimal closing = amount.min(quantity.abs());
            BigDecimal realized = closing.multiply(price.subtract(entryPrice))
                    .multiply(BigDecimal.valueOf(quantity.signum())).multiply(multiplier);
            quantity = quantity.add(signed);
            if (quantity.signum() == 0) {
                entryPrice = BigDecimal.ZERO;
            } else if (quantity.signum() == signed.signum()) {
                entryPrice = price; // flipped: the remainder opened at this price
            }
            return realized;
        }

        BigDecimal unrealized() {
            if (quantity.signum() == 0 || mark == null) {
                return BigDecimal.ZERO;
            }
            return mark.subtract(entryPrice).multiply(quantity).multiply(multiplier);
        }

        BigDecimal notional() {
            BigDecimal price = mark != null ? mark : entryPrice;
            return quantity.abs().multiply(price).multiply(multiplier);
        }
    }
}

package dev.perpflow.grid;

import dev.perpflow.execution.Futures;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.risk.TradingState;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.grid.GridEvent.Level;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What every part of one grid run shares: its id, config, market, venue, order path and clock, the current
 * {@link GridState} (handed to the state sink on every change) and the event sink, plus the venue reads they
 * all need.
 */
final class GridRun {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    final String id;
    final GridConfig config;
    final Instrument instrument;
    final ExchangeClient venue;
    final OrderGateway gateway;
    final Clock clock;
    private final Consumer<GridEvent> events;
    private final Consumer<GridState> stateSink;
    private GridState state;

    GridRun(String id, GridConfig config, Instrument instrument, ExchangeClient venue, OrderGateway gateway, Clock clock,
            GridState initial, Consumer<GridEvent> events, Consumer<GridState> stateSink) {
        this.id = id;
        this.config = config;
        this.instrument = instrument;
        this.venue = venue;
        this.gateway = gateway;
        this.clock = clock;
        this.state = initial;
        this.events = events;
        this.stateSink = stateSink;
    }

    GridState state() {
        return state;
    }

    void update(GridState next) {
        state = next;
        stateSink.accept(next);
    }

    void emit(String type, Level level, String message, Map<String, Object> details) {
        events.accept(new GridEvent(clock.instant(), type, level, message, details));
    }

    String venueName() {
        return venue.venue();
    }

    /** The venue's view of one of our orders, or {@code null} when the venue does not know it. */
    Order findOrder(String clientOrderId) {
        try {
            return await(gateway.refresh(venueName(), config.ticker(), clientOrderId));
        } catch (OrderNotFoundException e) {
            return null;
        }
    }

    /**
     * Whether an order the venue does not know may still turn up: its submit's outcome is not resolved yet (the
     * journal still has it NEW or UNKNOWN; the reconciliation ends it once the venue has had time to show it).
     */
    boolean mayStillAppear(String clientOrderId) {
        return gateway.journal().find(venueName(), clientOrderId).map(o -> !o.status().isTerminal()).orElse(false);
    }

    /** The trading state of the run's account: entries and normal exits only while ACTIVE (see RiskGuard). */
    TradingState tradingState() {
        return gateway.tradingState();
    }

    boolean halted() {
        return tradingState() == TradingState.HALTED;
    }

    /** How a submit ended: placed (the venue's view), refused or rejected (nothing placed), or unknown. */
    enum Sent { PLACED, REFUSED, UNKNOWN }

    /** The outcome of a submit and the venue's view when it was placed. */
    record Submit(Sent outcome, Order order, String why) {
    }

    /** Sends an order and says how it ended; an unknown outcome is never taken for a refusal. */
    Submit submit(OrderIntent intent) {
        try {
            return new Submit(Sent.PLACED, await(gateway.submit(intent)), null);
        } catch (RuntimeException e) {
            Throwable cause = ExchangeException.unwrap(e);
            boolean unknown = cause instanceof UnknownOutcomeException
                    || e.getCause() instanceof java.util.concurrent.TimeoutException;
            return new Submit(unknown ? Sent.UNKNOWN : Sent.REFUSED, null, describe(e));
        }
    }

    List<Order> activeCloses() {
        return await(venue.openOrders(config.ticker())).stream()
                .filter(o -> o.reduceOnly() && o.side() == config.direction().opposite())
                .filter(o -> o.clientOrderId().startsWith(id + "-"))
                .toList();
    }

    Position position() {
        return await(venue.positions()).stream().filter(p -> p.symbol().equals(config.ticker())).findFirst()
                .orElse(null);
    }

    /** Margin ÷ exposure as the venue reports it, or {@code null} when there is no position to measure. */
    static BigDecimal marginRatio(Position position) {
        if (position == null || position.margin() == null || position.notional().signum() == 0) {
            return null;
        }
        return position.margin().divide(position.quantity().abs().multiply(position.entryPrice()),
                java.math.MathContext.DECIMAL64);
    }

    static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future, CALL_TIMEOUT);
    }

    static String describe(Throwable e) {
        Throwable cause = ExchangeException.unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}

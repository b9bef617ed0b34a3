package dev.perpflow.app.execution;

import dev.perpflow.app.events.DomainEvent;
import dev.perpflow.app.events.EventOutbox;
import dev.perpflow.app.events.OrderEvents;
import dev.perpflow.app.metrics.PerpflowMetrics;
import dev.perpflow.execution.DuplicateClientOrderIdException;
import dev.perpflow.execution.FillIdentity;
import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.OrderJournal;
import dev.perpflow.execution.OrderTransitions;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order journal in PostgreSQL ({@code orders}, {@code fills}). Updates lock the order row and apply
 * {@link OrderTransitions}, so concurrent stream events and queries cannot move an order backwards; a fill is
 * inserted once per (venue, trade id, order), a reused trade id under a disambiguated id (see
 * {@link dev.perpflow.execution.OrderJournal#recordFill}). A journal serves one account ({@code default}: the venues' environment
 * credentials); accounts never see each other's orders, so a tracker never queries an order with the wrong keys.
 * Each write appends its domain event ({@link OrderEvents}) in the same statement or transaction.
 */
public class JdbcOrderJournal implements OrderJournal {

    private static final String COLUMNS = """
            venue, client_order_id, symbol, side, order_type, time_in_force, quantity, price, reduce_only, purpose,
            status, venue_order_id, filled_quantity, average_price, note, created_at, updated_at, cancel_requested""";

    public static final String DEFAULT_ACCOUNT = "default";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderJournal.class);
    private static final String FILL_COLUMNS = "venue, trade_id, client_order_id, venue_order_id, symbol, side, "
            + "price, quantity, fee, fee_currency, liquidity, time";

    private final DataSource dataSource;
    private final String account;
    private final PerpflowMetrics metrics;

    public JdbcOrderJournal(DataSource dataSource) {
        this(dataSource, DEFAULT_ACCOUNT);
    }

    public JdbcOrderJournal(DataSource dataSource, String account) {
        this(dataSource, account, PerpflowMetrics.discarding());
    }

    /**
     * @param metrics counts each order journaled and each outcome it reaches ({@code perpflow_orders_total}), once,
     *                after the write that records it committed
     */
    public JdbcOrderJournal(DataSource dataSource, String account, PerpflowMetrics metrics) {
        this.dataSource = dataSource;
        this.account = account;
        this.metrics = metrics;
    }

    @Override
    public JournaledOrder recordIntent(String venue, OrderRequest request, String purpose, Instant at) {
        JournaledOrder order = JournaledOrder.intent(venue, request, purpose, at);
        // the order and its order_submitted event in one statement: the journal write stays one round trip
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "WITH journaled AS (INSERT INTO orders (" + COLUMNS + ", account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, FALSE, ?) ON CONFLICT DO NOTHING RETURNING 1) "
                        + EventOutbox.insertFrom("journaled"))) {
            ps.setString(1, venue);
            ps.setString(2, request.clientOrderId());
            ps.setString(3, request.symbol());
            ps.setString(4, request.side().name());
            ps.setString(5, request.type().name());
            ps.setString(6, request.timeInForce().name());
            ps.setBigDecimal(7, request.quantity());
            ps.setBigDecimal(8, request.price());
            ps.setBoolean(9, request.reduceOnly());
            ps.setString(10, purpose);
            ps.setString(11, OrderStatus.NEW.name());
            ps.setString(12, null);
            ps.setBigDecimal(13, order.filledQuantity());
            ps.setBigDecimal(14, null);
            ps.setString(15, null);
            ps.setTimestamp(16, Timestamp.from(at));
            ps.setTimestamp(17, Timestamp.from(at));
            ps.setString(18, account);
            EventOutbox.bind(ps, 19, OrderEvents.submitted(account, order));
            if (ps.executeUpdate() == 0) {
                throw new DuplicateClientOrderIdException(venue, request.clientOrderId());
            }
            metrics.order(venue, account, PerpflowMetrics.OrderOutcome.SUBMITTED);
            return order;
        } catch (SQLException e) {
            throw new JournalException("could not journal order " + request.clientOrderId() + " on " + venue, e);
        }
    }

    @Override
    public JournaledOrder recordOrder(Order order, Instant at) {
        return update(order.venue(), order.clientOrderId(), current -> current.with(
                OrderTransitions.next(current.status(), order.status()),
                order.venueOrderId() != null ? order.venueOrderId() : current.venueOrderId(),
                OrderTransitions.nextFilled(current.filledQuantity(), order.filledQuantity()),
                order.averagePrice() != null ? order.averagePrice() : current.averagePrice(),
                order.rejectReason() != null ? order.rejectReason() : current.note(), at));
    }

    @Override
    public JournaledOrder markUnknown(String venue, String clientOrderId, String reason, Instant at) {
        return update(venue, clientOrderId, current -> moveFromUnplaced(current, OrderStatus.UNKNOWN, reason, at));
    }

    @Override
    public JournaledOrder markRejected(String venue, String clientOrderId, String reason, Instant at) {
        return update(venue, clientOrderId, current -> moveFromUnplaced(current, OrderStatus.REJECTED, reason, at));
    }

    @Override
    public boolean recordFill(Fill fill) {
        try (Connection c = dataSource.getConnection()) {
            if (insertFill(c, fill, fill.tradeId())) {
                return true;
            }
            Fill stored = storedFill(c, fill);
            if (stored == null || FillIdentity.sameTrade(stored, fill)) {
                return false;
            }
            LOG.error("{} reused trade id {} for another fill of {} (stored {} @ {} at {}, now {} @ {} at {}): "
                    + "recorded as {}", fill.venue(), fill.tradeId(), FillIdentity.orderRef(fill), stored.quantity(),
                    stored.price(), stored.timestamp(), fill.quantity(), fill.price(), fill.timestamp(),
                    FillIdentity.disambiguated(fill));
            return insertFill(c, fill, FillIdentity.disambiguated(fill));
        } catch (SQLException e) {
            throw new JournalException("could not journal fill " + fill.tradeId() + " on " + fill.venue(), e);
        }
    }

    /** Inserts the fill and its order_fill event in one statement; false when the fill was there already. */
    private boolean insertFill(Connection c, Fill fill, String tradeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH journaled AS (
                    INSERT INTO fills (venue, trade_id, client_order_id, venue_order_id, symbol, side, price, quantity,
                        fee, fee_currency, liquidity, time, account, order_ref)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1)
                """ + EventOutbox.insertFrom("journaled"))) {
            ps.setString(1, fill.venue());
            ps.setString(2, tradeId);
            ps.setString(3, fill.clientOrderId());
            ps.setString(4, fill.venueOrderId());
            ps.setString(5, fill.symbol());
            ps.setString(6, fill.side().name());
            ps.setBigDecimal(7, fill.price());
            ps.setBigDecimal(8, fill.quantity());
            ps.setBigDecimal(9, fill.fee());
            ps.setString(10, fill.feeCurrency());
            ps.setString(11, fill.liquidity().name());
            ps.setTimestamp(12, Timestamp.from(fill.timestamp()));
            ps.setString(13, account);
            ps.setString(14, FillIdentity.orderRef(fill));
            EventOutbox.bind(ps, 15, OrderEvents.fill(account, fill, tradeId));
            return ps.executeUpdate() == 1;
        }
    }

    private Fill storedFill(Connection c, Fill fill) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FILL_COLUMNS + " FROM fills WHERE account = ? AND "
                + "venue = ? AND trade_id = ? AND order_ref = ?")) {
            ps.setString(1, account);
            ps.setString(2, fill.venue());
            ps.setString(3, fill.tradeId());
            ps.setString(4, FillIdentity.orderRef(fill));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? readFill(rs) : null;
            }
        }
    }

    @Override
    public JournaledOrder markCancelRequested(String venue, String clientOrderId, Instant at) {
        return update(venue, clientOrderId, current -> current.withCancelRequested(at));
    }

    @Override
    public JournaledOrder markGone(String venue, String clientOrderId, OrderStatus status, String note, Instant at) {
        return update(venue, clientOrderId, current -> current.status().isTerminal() ? current
                : current.with(status, current.venueOrderId(), current.filledQuantity(), current.averagePrice(), note,
                        at));
    }

    @Override
    public Optional<JournaledOrder> find(String venue, String clientOrderId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM orders WHERE venue = ? AND client_order_id = ? AND account = ?")) {
            ps.setString(1, venue);
            ps.setString(2, clientOrderId);
            ps.setString(3, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("could not read order " + clientOrderId + " on " + venue, e);
        }
    }

    @Override
    public List<JournaledOrder> unresolved() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM orders WHERE status IN ('NEW', 'UNKNOWN', 'OPEN', 'PARTIALLY_FILLED') "
                        + "AND account = ? ORDER BY created_at")) {
            ps.setString(1, account);
            List<JournaledOrder> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(read(rs));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new JournalException("could not read unresolved orders", e);
        }
    }

    @Override
    public List<Fill> fills(String venue, String clientOrderId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + FILL_COLUMNS
                + " FROM fills WHERE venue = ? AND client_order_id = ? AND account = ? ORDER BY time, trade_id")) {
            ps.setString(1, venue);
            ps.setString(2, clientOrderId);
            ps.setString(3, account);
            try (ResultSet rs = ps.executeQuery()) {
                List<Fill> fills = new ArrayList<>();
                while (rs.next()) {
                    fills.add(readFill(rs));
                }
                return fills;
            }
        } catch (SQLException e) {
            throw new JournalException("could not read fills of " + clientOrderId + " on " + venue, e);
        }
    }

    private static Fill readFill(ResultSet rs) throws SQLException {
        return new Fill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Side.valueOf(rs.getString(6)), normalized(rs.getBigDecimal(7)), normalized(rs.getBigDecimal(8)),
                normalized(rs.getBigDecimal(9)), rs.getString(10), Liquidity.valueOf(rs.getString(11)),
                rs.getTimestamp(12).toInstant());
    }

    private static JournaledOrder moveFromUnplaced(JournaledOrder current, OrderStatus status, String reason,
            Instant at) {
        boolean unplaced = current.status() == OrderStatus.NEW || current.status() == OrderStatus.UNKNOWN;
        return current.with(unplaced ? status : current.status(), current.venueOrderId(), current.filledQuantity(),
                current.averagePrice(), reason, at);
    }

    /** Reads the row under a lock, applies the change, writes it back, in one transaction. */
    private JournaledOrder update(String venue, String clientOrderId,
            java.util.function.UnaryOperator<JournaledOrder> change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                JournaledOrder current;
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM orders WHERE venue = ? AND client_order_id = ? AND account = ? "
                                + "FOR UPDATE")) {
                    select.setString(1, venue);
                    select.setString(2, clientOrderId);
                    select.setString(3, account);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException(venue + ": order " + clientOrderId + " was never journaled");
                        }
                        current = read(rs);
                    }
                }
                JournaledOrder next = change.apply(current);
                try (PreparedStatement write = c.prepareStatement("""
                        UPDATE orders SET status = ?, venue_order_id = ?, filled_quantity = ?, average_price = ?,
                            note = ?, updated_at = ?, cancel_requested = ?
                        WHERE venue = ? AND client_order_id = ? AND account = ?""")) {
                    write.setString(1, next.status().name());
                    write.setString(2, next.venueOrderId());
                    write.setBigDecimal(3, next.filledQuantity());
                    write.setBigDecimal(4, next.averagePrice());
                    write.setString(5, next.note());
                    write.setTimestamp(6, Timestamp.from(next.updatedAt()));
                    write.setBoolean(7, next.cancelRequested());
                    write.setString(8, venue);
                    write.setString(9, clientOrderId);
                    write.setString(10, account);
                    write.executeUpdate();
                }
                boolean changed = next.status() != current.status();
                if (changed) {
                    java.util.Optional<DomainEvent> event = OrderEvents.statusChanged(account, next);
                    if (event.isPresent()) {
                        EventOutbox.append(c, event.get());
                    }
                }
                c.commit();
                if (changed) {
                    outcomeOf(next.status()).ifPresent(outcome -> metrics.order(venue, account, outcome));
                }
                return next;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("could not update order " + clientOrderId + " on " + venue, e);
        }
    }

    /** The outcome an order reached by moving to {@code status}, if it is one of those counted. */
    private static Optional<PerpflowMetrics.OrderOutcome> outcomeOf(OrderStatus status) {
        return switch (status) {
            case FILLED -> Optional.of(PerpflowMetrics.OrderOutcome.FILLED);
            case CANCELED -> Optional.of(PerpflowMetrics.OrderOutcome.CANCELLED);
            case REJECTED -> Optional.of(PerpflowMetrics.OrderOutcome.REJECTED);
            case UNKNOWN -> Optional.of(PerpflowMetrics.OrderOutcome.UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** NUMERIC columns pad to their scale; give values back the way they were written (10, not 10.000000000000). */
    private static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static JournaledOrder read(ResultSet rs) throws SQLException {
        OrderRequest request = new OrderRequest(rs.getString("client_order_id"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), normalized(rs.getBigDecimal("quantity")),
                normalized(rs.getBigDecimal("price")),
                OrderType.valueOf(rs.getString("order_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                rs.getBoolean("reduce_only"));
        return new JournaledOrder(rs.getString("venue"), request, rs.getString("purpose"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("venue_order_id"),
                normalized(rs.getBigDecimal("filled_quantity")), normalized(rs.getBigDecimal("average_price")),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("cancel_requested"));
    }
}

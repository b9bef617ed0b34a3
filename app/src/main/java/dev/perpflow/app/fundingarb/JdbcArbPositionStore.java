package dev.perpflow.app.fundingarb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.fundingarb.ArbLeg;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.ArbPositionStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Funding-arbitrage positions in PostgreSQL ({@code strategy_positions}; legs and exit polling in {@code metadata}),
 * with their funding payments and aggregated trades. Every save is one statement, committed before it returns.
 */
public class JdbcArbPositionStore implements ArbPositionStore {

    private static final String COLUMNS = "id, run_id, symbol, long_dex, short_dex, size_usd, entry_long_rate, "
            + "entry_short_rate, entry_divergence, opened_at, current_divergence, last_check, status, exit_reason, "
            + "closed_at, pnl_usd, cumulative_funding_usd, total_fees_usd, close_attempts, merged_into, error, metadata";

    private final DataSource dataSource;
    private final ObjectMapper json = Json.mapper();

    public JdbcArbPositionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(ArbPosition p) {
        String sql = "INSERT INTO strategy_positions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET size_usd = EXCLUDED.size_usd, "
                + "entry_long_rate = EXCLUDED.entry_long_rate, entry_short_rate = EXCLUDED.entry_short_rate, "
                + "entry_divergence = EXCLUDED.entry_divergence, current_divergence = EXCLUDED.current_divergence, "
                + "last_check = EXCLUDED.last_check, status = EXCLUDED.status, exit_reason = EXCLUDED.exit_reason, "
                + "closed_at = EXCLUDED.closed_at, pnl_usd = EXCLUDED.pnl_usd, "
                + "cumulative_funding_usd = EXCLUDED.cumulative_funding_usd, total_fees_usd = EXCLUDED.total_fees_usd, "
                + "close_attempts = EXCLUDED.close_attempts, merged_into = EXCLUDED.merged_into, error = EXCLUDED.error, "
                + "metadata = EXCLUDED.metadata";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.id());
            ps.setString(2, p.runId());
            ps.setString(3, p.symbol());
            ps.setString(4, p.longDex());
            ps.setString(5, p.shortDex());
            ps.setBigDecimal(6, p.sizeUsd());
            ps.setBigDecimal(7, p.entryLongRate());
            ps.setBigDecimal(8, p.entryShortRate());
            ps.setBigDecimal(9, p.entryDivergence());
            ps.setTimestamp(10, Timestamp.from(p.openedAt()));
            ps.setBigDecimal(11, p.currentDivergence());
            setInstant(ps, 12, p.lastCheck());
            ps.setString(13, p.status().name().toLowerCase(Locale.ROOT));
            ps.setString(14, p.exitReason());
            setInstant(ps, 15, p.closedAt());
            ps.setBigDecimal(16, p.pnlUsd());
            ps.setBigDecimal(17, p.cumulativeFunding());
            ps.setBigDecimal(18, p.totalFees());
            ps.setInt(19, p.closeAttempts());
            ps.setString(20, p.mergedInto());
            ps.setString(21, p.error());
            ps.setString(22, metadata(p));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not save position " + p.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ArbPosition> find(String id) {
        List<ArbPosition> found = query("SELECT " + COLUMNS + " FROM strategy_positions WHERE id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<String> trancheIds(String positionId) {
        return query("SELECT " + COLUMNS + " FROM strategy_positions WHERE merged_into = ?", positionId).stream()
                .map(ArbPosition::id).toList();
    }

    @Override
    public List<ArbPosition> active(String runId) {
        return query("SELECT " + COLUMNS + " FROM strategy_positions WHERE run_id = ? "
                + "AND status IN ('opening', 'open', 'closing') ORDER BY opened_at, id", runId);
    }

    /** Positions of every run, newest first, optionally only those with one of {@code statuses}. */
    public List<ArbPosition> recent(List<String> statuses, int limit) {
        String where = statuses.isEmpty() ? "" : " WHERE status = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM strategy_positions" + where + " ORDER BY opened_at DESC, id LIMIT " + limit)) {
            if (!statuses.isEmpty()) {
                ps.setArray(1, c.createArrayOf("varchar", statuses.toArray()));
            }
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read positions: " + e.getMessage(), e);
        }
    }

    @Override
    public void recordFundingPayment(String positionId, Instant time, BigDecimal longPayment, BigDecimal shortPayment,
            BigDecimal longRate, BigDecimal shortRate) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH payment AS (
                    INSERT INTO funding_payments (position_id, payment_time, long_payment, short_payment, net_payment,
                                                  long_rate, short_rate, divergence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING position_id)
                UPDATE strategy_positions SET funding_payments_count = funding_payments_count + 1
                WHERE id = (SELECT position_id FROM payment)""")) {
            ps.setString(1, positionId);
            ps.setTimestamp(2, Timestamp.from(time));
            ps.setBigDecimal(3, longPayment);
            ps.setBigDecimal(4, shortPayment);
            ps.setBigDecimal(5, longPayment.add(shortPayment));
            ps.setBigDecimal(6, longRate);
            ps.setBigDecimal(7, shortRate);
            ps.setBigDecimal(8, shortRate == null || longRate == null ? null : shortRate.subtract(longRate));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a funding payment of " + positionId, e);
        }
    }

    @Override
    public void recordTrade(String positionId, String tradeType, String venue, String symbol, Side side,
            BigDecimal quantity, BigDecimal averagePrice, BigDecimal fee, List<String> clientOrderIds, Instant time) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO trade_fills (position_id, trade_type, dex, symbol, side, total_quantity, weighted_avg_price,
                                         total_fee, client_order_ids, timestamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, positionId);
            ps.setString(2, tradeType);
            ps.setString(3, venue);
            ps.setString(4, symbol);
            ps.setString(5, side.name().toLowerCase(Locale.ROOT));
            ps.setBigDecimal(6, quantity);
            ps.setBigDecimal(7, averagePrice);
            ps.setBigDecimal(8, fee);
            ps.setArray(9, c.createArrayOf("text", clientOrderIds.toArray()));
            ps.setTimestamp(10, Timestamp.from(time));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a trade of " + positionId, e);
        }
    }

    private List<ArbPosition> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read positions: " + e.getMessage(), e);
        }
    }

    private List<ArbPosition> read(PreparedStatement ps) throws SQLException {
        List<ArbPosition> positions = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                positions.add(row(rs));
            }
        }
        return positions;
    }

    private ArbPosition row(ResultSet rs) throws SQLException {
        try {
            JsonNode metadata = json.readTree(rs.getString("metadata"));
            JsonNode polling = metadata.path("exit_polling");
            return new ArbPosition(rs.getString("id"), rs.getString("run_id"), rs.getString("symbol"),
                    leg(metadata.path("legs").path("long"), rs.getString("long_dex"), Side.BUY),
                    leg(metadata.path("legs").path("short"), rs.getString("short_dex"), Side.SELL),
                    rs.getBigDecimal("size_usd"), rs.getBigDecimal("entry_long_rate"), rs.getBigDecimal("entry_short_rate"),
                    rs.getBigDecimal("entry_divergence"), rs.getTimestamp("opened_at").toInstant(),
                    ArbPosition.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    rs.getBigDecimal("current_divergence"), instant(rs, "last_check"),
                    rs.getBigDecimal("cumulative_funding_usd"), rs.getInt("close_attempts"),
                    polling.isObject() ? new ArbPosition.ExitPolling(Instant.parse(polling.path("started_at").asText()),
                            polling.path("exit_reason").asText()) : null,
                    rs.getString("exit_reason"), instant(rs, "closed_at"), rs.getBigDecimal("pnl_usd"),
                    rs.getString("merged_into"), rs.getString("error"));
        } catch (JsonProcessingException e) {
            throw new SQLException("position " + rs.getString("id") + " has unreadable metadata", e);
        }
    }

    private static ArbLeg leg(JsonNode node, String venue, Side side) {
        JsonNode snapshot = node.path("snapshot");
        Position view = snapshot.isObject() ? new Position(venue, snapshot.path("symbol").asText(),
                decimal(snapshot, "quantity"), decimal(snapshot, "entry_price"), decimal(snapshot, "mark_price"),
                decimal(snapshot, "liquidation_price"), decimal(snapshot, "unrealized_pnl"),
                decimal(snapshot, "funding_accrued"), decimal(snapshot, "margin"), decimal(snapshot, "leverage"),
                Instant.parse(snapshot.path("timestamp").asText())) : null;
        return new ArbLeg(venue, side, node.has("tokens") ? decimal(node, "tokens") : BigDecimal.ZERO,
                decimal(node, "entry_price"), decimal(node, "fees"), view);
    }

    private String metadata(ArbPosition p) throws JsonProcessingException {
        ObjectNode root = json.createObjectNode();
        ObjectNode legs = root.putObject("legs");
        writeLeg(legs.putObject("long"), p.longLeg());
        writeLeg(legs.putObject("short"), p.shortLeg());
        if (p.exitPolling() != null) {
            ObjectNode polling = root.putObject("exit_polling");
            polling.put("started_at", p.exitPolling().startedAt().toString());
            polling.put("exit_reason", p.exitPolling().reason());
            polling.put("max_duration_minutes", 10);
        }
        return json.writeValueAsString(root);
    }

    private static void writeLeg(ObjectNode node, ArbLeg leg) {
        node.put("side", leg.side().name().toLowerCase(Locale.ROOT));
        node.put("tokens", leg.tokens());
        node.put("entry_price", leg.entryPrice());
        node.put("fees", leg.fees());
        Position s = leg.snapshot();
        if (s != null) {
            ObjectNode snapshot = node.putObject("snapshot");
            snapshot.put("symbol", s.symbol());
            snapshot.put("quantity", s.quantity());
            snapshot.put("entry_price", s.entryPrice());
            snapshot.put("mark_price", s.markPrice());
            snapshot.put("liquidation_price", s.liquidationPrice());
            snapshot.put("unrealized_pnl", s.unrealizedPnl());
            snapshot.put("funding_accrued", s.fundingAccrued());
            snapshot.put("margin", s.margin());
            snapshot.put("leverage", s.leverage());
            snapshot.put("timestamp", s.timestamp().toString());
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(instant));
        }
    }
}

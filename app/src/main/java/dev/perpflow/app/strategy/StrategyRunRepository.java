package dev.perpflow.app.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import dev.perpflow.grid.GridEvent;
import dev.perpflow.grid.GridState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Grid runs in PostgreSQL: the run row, the full grid state (JSON, written after every change so a restart
 * resumes exactly), and the run's events.
 */
public class StrategyRunRepository {

    /** A stored run. */
    public record StoredRun(String id, String venue, Map<String, Object> config, String status, Instant startedAt,
            String account, String startedBy, String errorMessage, Instant lastHeartbeat) {
    }

    private final DataSource dataSource;
    // the shared mapper, lenient on reading: state written by a newer version may carry fields this one lacks
    private final ObjectMapper json = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String strategy;

    /** The runs of one strategy: {@code grid} or {@code funding_arbitrage}. */
    public StrategyRunRepository(DataSource dataSource, String strategy) {
        this.dataSource = dataSource;
        this.strategy = strategy;
    }

    public String strategy() {
        return strategy;
    }

    /** Creates the run, or marks an existing one running again (a restart or a resume); {@code run_started}. */
    public void upsertRun(String id, String venue, Map<String, Object> config, Instant at) throws SQLException {
        inRunTransaction(id, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH old AS (SELECT status FROM strategy_runs WHERE id = ?),
                    changed AS (
                        INSERT INTO strategy_runs (id, strategy, venue, config, status, started_at, last_heartbeat)
                        VALUES (?, ?, ?, ?::jsonb, 'running', ?, ?)
                        ON CONFLICT (id) DO UPDATE SET status = 'running', config = excluded.config,
                            stopped_at = NULL, error_message = NULL, last_heartbeat = excluded.last_heartbeat
                        RETURNING id, strategy, account, status, error_message)
                    """ + RUN_STATUS_EVENT)) {
                ps.setString(1, id);
                ps.setString(2, id);
                ps.setString(3, strategy);
                ps.setString(4, venue);
                ps.setString(5, write(config));
                ps.setTimestamp(6, Timestamp.from(at));
                ps.setTimestamp(7, Timestamp.from(at));
                ps.setTimestamp(8, Timestamp.from(at));
                ps.executeUpdate();
            }
        });
    }

    /**
     * The tail of a status change: a {@code run_started}, {@code run_stopping}, {@code run_stopped} or
     * {@code run_error} event when the status ({@code changed}) differs from the one before ({@code old}), in the
     * same statement. Its one parameter is the event's time.
     */
    private static final String RUN_STATUS_EVENT = """
            INSERT INTO domain_events (event_type, level, occurred_at, account, run_id, payload)
            SELECT CASE changed.status WHEN 'running' THEN 'run_started' WHEN 'stopping' THEN 'run_stopping'
                       WHEN 'stopped' THEN 'run_stopped' ELSE 'run_error' END,
                   CASE changed.status WHEN 'error' THEN 'error' ELSE 'info' END, ?, changed.account, changed.id,
                   jsonb_build_object('strategy', changed.strategy, 'status', changed.status,
                       'error', changed.error_message, 'message', 'run ' || changed.id || CASE changed.status
                           WHEN 'running' THEN ' started' WHEN 'stopping' THEN ' stops entering and closes what it holds'
                           WHEN 'stopped' THEN ' stopped'
                           ELSE ' stopped with an error: ' || coalesce(changed.error_message, 'unknown') END)
            FROM changed LEFT JOIN old ON TRUE
            WHERE changed.status IN ('running', 'stopping', 'stopped', 'error')
              AND old.status IS DISTINCT FROM changed.status""";

    /** Stores a new run of the {@code default} account, not started ({@code stopped}); an id already taken is refused. */
    public void create(String id, String venue, Map<String, Object> config, Instant at) throws SQLException {
        create(id, venue, config, at, "default");
    }

    /** Stores a new run of {@code account}, not started ({@code stopped}); an id already taken is refused. */
    public void create(String id, String venue, Map<String, Object> config, Instant at, String account)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO strategy_runs (id, strategy, venue, config, status, started_at, stopped_at, account)
                VALUES (?, ?, ?, ?::jsonb, 'stopped', ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            ps.setString(1, id);
            ps.setString(2, strategy);
            if (venue.length() > 512) {
                throw new IllegalArgumentException("the run's venues take " + venue.length() + " characters; at most "
                        + "512");
            }
            ps.setString(3, venue);
            ps.setString(4, write(config));
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, account);
            if (ps.executeUpdate() == 0) {
                throw new IllegalStateException("a strategy run '" + id + "' already exists");
            }
        }
    }

    /**
     * Removes a run that never traded (a start that failed validation right after it was created): refused, leaving
     * it, when it has any position or journaled order.
     */
    public boolean deleteUntraded(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement used = c.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM strategy_positions WHERE run_id = ?)
                        OR EXISTS (SELECT 1 FROM orders WHERE client_order_id LIKE ? || '%')""")) {
                used.setString(1, id);
                used.setString(2, id);
                try (ResultSet rs = used.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.rollback();
                        return false;
                    }
                }
                for (String table : List.of("grid_states", "strategy_events", "strategy_notifications")) {
                    String column = table.equals("strategy_notifications") ? "strategy_run_id" : "run_id";
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + column
                            + " = ?")) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM strategy_runs WHERE id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Every run of this strategy, newest first. */
    public List<StoredRun> all() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM strategy_runs WHERE strategy = ? ORDER BY started_at DESC")) {
            ps.setString(1, strategy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>();
        for (String id : ids) {
            findRun(id).ifPresent(runs::add);
        }
        return runs;
    }

    /** Who started the run last (limits and notifications follow it). */
    public void startedBy(String id, String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE strategy_runs SET started_by = ? WHERE id = ?")) {
            ps.setString(1, username);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Links a run to the saved config it was made from. */
    public void configId(String id, long configId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE strategy_runs SET config_id = ? WHERE id = ?")) {
            ps.setLong(1, configId);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Writes the heartbeat of the given running runs. */
    public void heartbeat(java.util.Collection<String> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE strategy_runs SET last_heartbeat = ? WHERE id = ANY (?) AND status IN ('running', 'stopping')")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("varchar", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Moves a run to {@code status}, with its event when the status changes ({@link #RUN_STATUS_EVENT}). */
    public void markStatus(String id, String status, String error, Instant at) throws SQLException {
        inRunTransaction(id, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH old AS (SELECT status FROM strategy_runs WHERE id = ?),
                    changed AS (
                        UPDATE strategy_runs SET status = ?, error_message = ?, last_heartbeat = ?,
                            stopped_at = CASE WHEN ? IN ('stopped', 'error') THEN ? ELSE stopped_at END
                        WHERE id = ?
                        RETURNING id, strategy, account, status, error_message)
                    """ + RUN_STATUS_EVENT)) {
                ps.setString(1, id);
                ps.setString(2, status);
                ps.setString(3, error);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, status);
                ps.setTimestamp(6, Timestamp.from(at));
                ps.setString(7, id);
                ps.setTimestamp(8, Timestamp.from(at));
                ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface StatusChange {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs a status change of run {@code id} in one transaction that first locks the run's row (when it exists):
     * the change's {@code old} then reads the status committed last, and two changes of one run never both see the
     * same status before them. (A {@code FOR UPDATE} inside the change's own statement skips the row that statement
     * updates: {@code old} came back empty and every change looked new.)
     */
    private void inRunTransaction(String id, StatusChange change) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT 1 FROM strategy_runs WHERE id = ? FOR UPDATE")) {
                    lock.setString(1, id);
                    lock.executeQuery().close();
                }
                change.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public Optional<StoredRun> findRun(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, venue, config::text, status, started_at, account, started_by, error_message, "
                        + "last_heartbeat FROM strategy_runs WHERE id = ? AND strategy = ?")) {
            ps.setString(1, id);
            ps.setString(2, strategy);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> config = json.readValue(rs.getString(3), Map.class);
                Timestamp heartbeat = rs.getTimestamp(9);
                return Optional.of(new StoredRun(rs.getString(1), rs.getString(2), config, rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8),
                        heartbeat == null ? null : heartbeat.toInstant()));
            } catch (JsonProcessingException e) {
                throw new SQLException("stored config of run " + id + " is not valid JSON", e);
            }
        }
    }

    /** Runs left running (or stopping: still closing what they hold), e.g. by a restart. */
    public List<StoredRun> runningRuns() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM strategy_runs WHERE strategy = ? AND status IN ('running', 'stopping') "
                        + "ORDER BY started_at")) {
            ps.setString(1, strategy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>();
        for (String id : ids) {
            findRun(id).ifPresent(runs::add);
        }
        return runs;
    }

    public void saveState(String runId, GridState state, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO grid_states (run_id, state, updated_at) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (run_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at""")) {
            ps.setString(1, runId);
            ps.setString(2, write(state));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not persist the state of grid run " + runId + ": " + e.getMessage(), e);
        }
    }

    public Optional<GridState> loadState(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state::text FROM grid_states WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.readValue(rs.getString(1), GridState.class)) : Optional.empty();
            } catch (JsonProcessingException e) {
                throw new SQLException("stored state of grid run " + runId + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    public void appendEvent(String runId, GridEvent event) {
        appendEvent(runId, event.time(), event.type(), event.level().name(), null, event.message(), event.details());
    }

    /**
     * Appends to the run's event log and publishes the same as a domain event of the run's account (type and level
     * kept; payload: {@code strategy}, {@code symbol}, {@code message}, {@code details}), in one statement.
     */
    public void appendEvent(String runId, Instant time, String type, String level, String symbol, String message,
            Map<String, ?> details) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH logged AS (
                    INSERT INTO strategy_events (run_id, time, type, level, message, details)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING run_id, time, type, level, message, details)
                INSERT INTO domain_events (event_type, level, occurred_at, account, run_id, payload)
                SELECT logged.type, lower(logged.level), logged.time, r.account, r.id,
                       jsonb_build_object('strategy', r.strategy, 'symbol', ?::text, 'message', logged.message,
                           'details', logged.details)
                FROM logged JOIN strategy_runs r ON r.id = logged.run_id""")) {
            ps.setString(1, runId);
            ps.setTimestamp(2, Timestamp.from(time));
            ps.setString(3, type);
            ps.setString(4, level);
            ps.setString(5, message);
            ps.setString(6, write(details));
            ps.setString(7, symbol);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + type + " of run " + runId, e);
        }
    }

    /** One entry of a run's event log. */
    public record RunEvent(Instant time, String type, String level, String message, Map<String, Object> details) {
    }

    /** The run's most recent events, newest first. */
    public List<RunEvent> events(String runId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT time, type, level, message, details::text FROM strategy_events WHERE run_id = ?
                ORDER BY id DESC LIMIT ?""")) {
            ps.setString(1, runId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<RunEvent> events = new ArrayList<>();
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> details = json.readValue(rs.getString(5), Map.class);
                    events.add(new RunEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), details));
                }
                return events;
            } catch (JsonProcessingException e) {
                throw new SQLException("stored event details of run " + runId + " cannot be read", e);
            }
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}

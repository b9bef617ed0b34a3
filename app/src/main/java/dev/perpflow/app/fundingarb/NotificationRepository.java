package dev.perpflow.app.fundingarb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.fundingarb.ArbEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@code strategy_notifications}: what a run tells its owner, kept until delivered (Telegram delivers them). */
public class NotificationRepository {

    /** A notification waiting for delivery. */
    public record Pending(long id, String runId, String type, String symbol, String message, Map<String, Object> details,
            Instant createdAt, int attempts) {
    }

    /** Sends one notification; returns normally when it was delivered, throws when it was not. */
    @FunctionalInterface
    public interface Sender {
        void send(Pending notification) throws Exception;
    }

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public NotificationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A notification of any kind ({@code halt}, {@code run_error}, {@code grid_warning}, ...); {@code runId} may be null. */
    public void add(String runId, String type, String symbol, String message, Map<String, Object> details, Instant at) {
        add(runId, new ArbEvent(at, type, ArbEvent.Level.WARNING, symbol, message, details));
    }

    /**
     * Delivers up to {@code limit} unsent notifications, oldest first, each locked while it is sent (another node
     * skips it) and marked sent once {@code sender} returns; a failure is counted and retried on the next call.
     * Notifications older than {@code maxAge} that never went out are given up (marked with the reason).
     * Returns how many were delivered.
     */
    public int deliver(int limit, Duration maxAge, Instant now, Sender sender) {
        int delivered = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement expire = c.prepareStatement("""
                        UPDATE strategy_notifications SET sent = TRUE, last_error = 'undelivered after '
                            || attempts || ' attempt(s): given up' WHERE NOT sent AND created_at < ?""")) {
                    expire.setTimestamp(1, Timestamp.from(now.minus(maxAge)));
                    expire.executeUpdate();
                }
                List<Pending> batch = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT id, strategy_run_id, notification_type, symbol, message, details::text, created_at,
                               attempts
                        FROM strategy_notifications WHERE NOT sent ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                    select.setInt(1, limit);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> details = json.readValue(rs.getString(6), Map.class);
                            batch.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), details, rs.getTimestamp(7).toInstant(), rs.getInt(8)));
                        }
                    }
                }
                for (Pending notification : batch) {
                    String error = null;
                    try {
                        sender.send(notification);
                    } catch (Exception e) {
                        error = String.valueOf(e.getMessage());
                    }
                    try (PreparedStatement update = c.prepareStatement(error == null
                            ? "UPDATE strategy_notifications SET sent = TRUE, sent_at = ?, attempts = attempts + 1, "
                                    + "last_error = NULL WHERE id = ?"
                            : "UPDATE strategy_notifications SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                        if (error == null) {
                            update.setTimestamp(1, Timestamp.from(now));
                            delivered++;
                        } else {
                            update.setString(1, error);
                        }
                        update.setLong(2, notification.id());
                        update.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("notification delivery failed: " + e.getMessage(), e);
        }
        return delivered;
    }

    public void add(String runId, ArbEvent event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO strategy_notifications (strategy_run_id, notification_type, symbol, message, details,
                                                    created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)""")) {
            ps.setString(1, runId);
            ps.setString(2, event.type());
            ps.setString(3, event.symbol());
            ps.setString(4, event.message());
            ps.setString(5, json.writeValueAsString(event.details()));
            ps.setTimestamp(6, Timestamp.from(event.time()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the " + event.type() + " notification of run " + runId, e);
        }
    }
}

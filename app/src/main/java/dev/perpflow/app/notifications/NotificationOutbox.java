package dev.perpflow.app.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code strategy_notifications}: the events the {@code notifications} route picked (routes/notifications.camel.yaml),
 * kept until the {@code telegram-notifications} route delivered them to their owner. Enqueueing is idempotent per
 * event, so an event published twice is told once.
 */
public class NotificationOutbox {

    private final DataSource dataSource;

    public NotificationOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Route step: enqueues one published event (the JSON body of {@code seda:perpflow-events}). An event of a run
     * deleted meanwhile is dropped. Returns whether it was enqueued now.
     */
    public boolean enqueue(String eventJson) throws SQLException {
        JsonNode event;
        try {
            event = Json.mapper().readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event: " + e.getOriginalMessage(), e);
        }
        JsonNode payload = event.path("payload");
        String runId = text(event, "run");
        Map<String, Object> details = new LinkedHashMap<>();
        JsonNode nested = payload.path("details");
        payload.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("message") && !field.getKey().equals("details")
                    && !field.getKey().equals("symbol") && !field.getValue().isContainerNode()
                    && !field.getValue().isNull()) {
                details.put(field.getKey(), field.getValue().asText());
            }
        });
        nested.fields().forEachRemaining(field -> {
            if (!field.getValue().isContainerNode() && !field.getValue().isNull()) {
                details.put(field.getKey(), field.getValue().asText());
            }
        });
        String message = payload.hasNonNull("message") ? payload.get("message").asText()
                : event.path("type").asText().replace('_', ' ');
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO strategy_notifications (event_id, strategy_run_id, account, notification_type, level,
                    symbol, message, details, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?
                WHERE ?::varchar IS NULL OR EXISTS (SELECT 1 FROM strategy_runs WHERE id = ?)
                ON CONFLICT (event_id) DO NOTHING""")) {
            ps.setLong(1, event.path("id").asLong());
            ps.setString(2, runId);
            ps.setString(3, text(event, "account"));
            ps.setString(4, event.path("type").asText());
            ps.setString(5, event.path("level").asText("info"));
            String symbol = text(payload, "symbol");
            ps.setString(6, symbol != null && symbol.length() > 20 ? symbol.substring(0, 20) : symbol);
            ps.setString(7, message);
            ps.setString(8, Json.write(details));
            ps.setTimestamp(9, Timestamp.from(Instant.parse(event.path("time").asText())));
            ps.setString(10, runId);
            ps.setString(11, runId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Route step: notification {@code id} reached everyone it was for. */
    public void delivered(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE strategy_notifications SET sent = TRUE, sent_at = now(), attempts = attempts + 1,
                    last_error = NULL, claimed_until = NULL WHERE id = ?""")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Notification {@code id} could not be delivered ({@code why}): released for the next round. */
    public void undelivered(long id, String why) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE strategy_notifications SET attempts = attempts + 1, last_error = ?, claimed_until = NULL
                WHERE id = ?""")) {
            ps.setString(1, why);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** How many notifications are stored and not yet delivered (the partial index of unsent rows answers it). */
    public long pending() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM strategy_notifications WHERE NOT sent");
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

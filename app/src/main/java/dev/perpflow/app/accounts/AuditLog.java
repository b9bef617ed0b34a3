package dev.perpflow.app.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Security-relevant actions (API key created/revoked, credentials changed, proxy rotated, halt, strategy start/stop)
 * with who did them. Details never carry secret values.
 */
public final class AuditLog {

    /** One recorded action. */
    public record Entry(Instant time, String actor, String action, String subject, String details) {
    }

    private static final ObjectMapper JSON = Json.mapper();

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, Map<String, ?> details) {
        Jdbc.query(dataSource, c -> record(c, actor, action, subject, details));
    }

    /** Records within the caller's transaction. */
    public Void record(Connection c, String actor, String action, String subject, Map<String, ?> details)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (time, actor, action, subject, details) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, JSON.writeValueAsString(details));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serializable", e);
        }
        return null;
    }

    public List<Entry> recent(int limit) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT time, actor, action, subject, details::text FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                return entries;
            }
        });
    }
}

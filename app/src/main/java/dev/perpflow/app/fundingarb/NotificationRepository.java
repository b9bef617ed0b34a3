package dev.perpflow.app.fundingarb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.fundingarb.ArbEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/** {@code strategy_notifications}: what a run tells its owner, kept until delivered (Telegram delivers them). */
public class NotificationRepository {

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public NotificationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
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

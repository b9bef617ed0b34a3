package dev.perpflow.app.strategy;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Optional;
import javax.sql.DataSource;

/** Saved strategy configs ({@code strategy_configs}): named per owner, created from YAML, the API or a chat wizard. */
public final class StrategyConfigRepository {

    private static final ObjectMapper JSON = Json.mapper();

    /** A saved config. */
    public record SavedConfig(long id, String owner, String name, String strategy, Map<String, Object> config,
            Instant updatedAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public StrategyConfigRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Saves a config under a name; a name the owner already uses is refused. */
    public SavedConfig save(String owner, String name, String strategy, Map<String, Object> config) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("config name '" + name + "' is not valid: 1-64 letters, digits, '_', "
                    + "'.' or '-'");
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO strategy_configs (owner, name, strategy, config, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?) RETURNING id""")) {
            ps.setString(1, owner);
            ps.setString(2, name);
            ps.setString(3, strategy);
            ps.setString(4, JSON.writeValueAsString(config));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SavedConfig(rs.getLong(1), owner, name, strategy, config, now);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("you already have a config named '" + name + "'");
            }
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("config is not serializable: " + e.getMessage());
        }
    }

    /** Configs of one owner, or of everyone when {@code owner} is null. */
    public List<SavedConfig> list(String owner) {
        List<SavedConfig> configs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, owner, name, strategy, config::text, updated_at FROM strategy_configs
                WHERE (?::text IS NULL OR owner = ?) ORDER BY owner, name""")) {
            ps.setString(1, owner);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    configs.add(new SavedConfig(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            JSON.readValue(rs.getString(5), new TypeReference<Map<String, Object>>() { }),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read strategy configs: " + e.getMessage(), e);
        }
        return configs;
    }

    public Optional<SavedConfig> find(long id) {
        return list(null).stream().filter(c -> c.id() == id).findFirst();
    }

    public boolean delete(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM strategy_configs WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}

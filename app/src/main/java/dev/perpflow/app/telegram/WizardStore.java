package dev.perpflow.app.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Multi-step chat wizards, one per Telegram user, kept in {@code telegram_wizards}: a restart in the middle of a
 * wizard loses nothing, the next message continues where the user was. Secrets typed into a wizard are never
 * stored here (they go encrypted to their final table at once).
 */
public final class WizardStore {

    private static final ObjectMapper JSON = Json.mapper();

    /** A wizard in progress. */
    public record Wizard(String name, String step, Map<String, String> data) {

        public Wizard next(String nextStep, String key, String value) {
            Map<String, String> copy = new LinkedHashMap<>(data);
            if (key != null) {
                copy.put(key, value);
            }
            return new Wizard(name, nextStep, copy);
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    public WizardStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Optional<Wizard> find(long telegramUserId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT wizard, step, data::text FROM telegram_wizards WHERE telegram_user_id = ?")) {
            ps.setLong(1, telegramUserId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Wizard(rs.getString(1), rs.getString(2),
                        JSON.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, String>>() { })));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the wizard of " + telegramUserId + ": " + e.getMessage(), e);
        }
    }

    public void save(long telegramUserId, String chatId, Wizard wizard) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO telegram_wizards (telegram_user_id, chat_id, wizard, step, data, updated_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (telegram_user_id) DO UPDATE SET chat_id = excluded.chat_id,
                    wizard = excluded.wizard, step = excluded.step, data = excluded.data,
                    updated_at = excluded.updated_at""")) {
            ps.setLong(1, telegramUserId);
            ps.setString(2, chatId);
            ps.setString(3, wizard.name());
            ps.setString(4, wizard.step());
            ps.setString(5, JSON.writeValueAsString(wizard.data()));
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the wizard of " + telegramUserId + ": " + e.getMessage(), e);
        }
    }

    public void clear(long telegramUserId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM telegram_wizards WHERE telegram_user_id = ?")) {
            ps.setLong(1, telegramUserId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the wizard of " + telegramUserId + ": " + e.getMessage(), e);
        }
    }
}

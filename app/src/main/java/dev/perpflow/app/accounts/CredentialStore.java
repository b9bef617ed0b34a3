package dev.perpflow.app.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import dev.perpflow.app.security.SecretBox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Per-account venue credentials, encrypted at rest: the venue's fields (validated by {@link VenueCredentialFields})
 * as one AES-256-GCM value per account and venue, bound to that row. Listing shows which venues have credentials and
 * which fields, never values.
 */
public final class CredentialStore {

    private static final ObjectMapper JSON = Json.mapper();

    /** Which fields an account has for a venue (no values). */
    public record Summary(String exchange, List<String> fields, boolean active, Instant updatedAt) {
    }

    private final DataSource dataSource;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    public CredentialStore(DataSource dataSource, SecretBox box, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    static String context(long accountId, String exchange) {
        return "credentials:" + accountId + ":" + exchange;
    }

    public void set(AccountRepository.Account account, String exchange, Map<String, String> values, String actor) {
        Map<String, String> clean = VenueCredentialFields.validate(exchange, values);
        String encrypted = box.encrypt(write(clean), context(account.id(), exchange));
        Instant now = clock.instant();
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO account_exchange_credentials (account_id, exchange, credentials_encrypted, created_at,
                        updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (account_id, exchange) DO UPDATE SET credentials_encrypted = excluded.credentials_encrypted,
                        updated_at = excluded.updated_at, is_active = TRUE""")) {
                ps.setLong(1, account.id());
                ps.setString(2, exchange);
                ps.setString(3, encrypted);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            return audit.record(c, actor, "credentials_set", account.owner() + "/" + account.name(),
                    Map.of("exchange", exchange, "fields", List.copyOf(clean.keySet())));
        });
    }

    public boolean remove(AccountRepository.Account account, String exchange, String actor) {
        return Jdbc.transaction(dataSource, c -> {
            int removed;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM account_exchange_credentials WHERE account_id = ? AND exchange = ?")) {
                ps.setLong(1, account.id());
                ps.setString(2, exchange);
                removed = ps.executeUpdate();
            }
            if (removed == 0) {
                throw new AccountsException(account.name() + " has no " + exchange + " credentials");
            }
            audit.record(c, actor, "credentials_removed", account.owner() + "/" + account.name(),
                    Map.of("exchange", exchange));
            return true;
        });
    }

    /** The decrypted fields of an account's venue, if it has them; a value failing authentication throws. */
    public Optional<Map<String, String>> load(long accountId, String exchange) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT credentials_encrypted FROM account_exchange_credentials
                    WHERE account_id = ? AND exchange = ? AND is_active""")) {
                ps.setLong(1, accountId);
                ps.setString(2, exchange);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Map<String, String>>empty();
                    }
                    return Optional.of(read(box.decrypt(rs.getString(1), context(accountId, exchange))));
                }
            }
        });
    }

    public List<Summary> summaries(long accountId) {
        List<Summary> summaries = new ArrayList<>();
        Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT exchange, credentials_encrypted, is_active, updated_at FROM account_exchange_credentials
                    WHERE account_id = ? ORDER BY exchange""")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String exchange = rs.getString(1);
                        Map<String, String> fields = read(box.decrypt(rs.getString(2), context(accountId, exchange)));
                        summaries.add(new Summary(exchange, List.copyOf(fields.keySet()), rs.getBoolean(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
            }
            return null;
        });
        return summaries;
    }

    static String write(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new AccountsException("stored credentials are not readable after decryption");
        }
    }
}

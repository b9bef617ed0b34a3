package dev.perpflow.app.accounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** perpflow users: a unique name, an admin flag and optionally the Telegram user id linked by {@code /auth}. */
public final class UserRepository {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** A stored user. */
    public record User(long id, String username, boolean admin, Long telegramUserId, boolean active, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public UserRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public User create(String username, boolean admin) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new AccountsException("username '" + username + "' is not valid: 1-64 letters, digits, '_', '.' or "
                    + "'-', starting with a letter or digit");
        }
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, is_admin, created_at) VALUES (?, ?, ?) RETURNING id")) {
                ps.setString(1, username);
                ps.setBoolean(2, admin);
                Instant now = clock.instant();
                ps.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new User(rs.getLong(1), username, admin, null, true, now);
                }
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new AccountsException("a user named '" + username + "' already exists");
                }
                throw e;
            }
        });
    }

    public Optional<User> find(String username) {
        return one("SELECT id, username, is_admin, telegram_user_id, is_active, created_at FROM users WHERE username = ?",
                username);
    }

    public Optional<User> find(long id) {
        return one("SELECT id, username, is_admin, telegram_user_id, is_active, created_at FROM users WHERE id = ?", id);
    }

    public User require(String username) {
        return find(username).orElseThrow(() -> new AccountsException("no user named '" + username + "'"));
    }

    /** The user a Telegram user id is linked to. */
    public Optional<User> findByTelegram(long telegramUserId) {
        return one("SELECT id, username, is_admin, telegram_user_id, is_active, created_at FROM users "
                + "WHERE telegram_user_id = ? AND is_active", telegramUserId);
    }

    /**
     * The link of a Telegram user: the perpflow user and the API key it was made with ({@code keyId}, or the
     * bootstrap key's {@code fingerprint}).
     */
    public record TelegramLink(long telegramUserId, User user, Long keyId, String fingerprint) {
    }

    public Optional<TelegramLink> findTelegramLink(long telegramUserId) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, username, is_admin, telegram_user_id, is_active, "
                    + "created_at, telegram_key_id, telegram_key_fingerprint FROM users "
                    + "WHERE telegram_user_id = ? AND is_active")) {
                ps.setLong(1, telegramUserId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long keyId = rs.getLong(7);
                    Long key = rs.wasNull() ? null : keyId;
                    return Optional.of(new TelegramLink(telegramUserId, map(rs), key, rs.getString(8)));
                }
            }
        });
    }

    /**
     * Links a Telegram user id to a user with the API key that proved it ({@code keyId}, or the bootstrap key's
     * {@code fingerprint}). Refused when this Telegram id is linked to another perpflow user (it must /logout first),
     * and when the perpflow user is linked to another Telegram id ({@link LinkedElsewhereException}: that Telegram
     * user must /logout, or an admin unlinks it); a link is never moved silently.
     */
    public void linkTelegram(User user, long telegramUserId, Long keyId, String fingerprint) {
        Optional<User> current = findByTelegram(telegramUserId);
        if (current.isPresent() && current.get().id() != user.id()) {
            throw new AccountsException("this Telegram account is already linked to another perpflow user; "
                    + "/logout first");
        }
        User stored = find(user.id()).orElseThrow(() -> new AccountsException("no user " + user.username()));
        if (stored.telegramUserId() != null && stored.telegramUserId() != telegramUserId) {
            throw new LinkedElsewhereException(stored.telegramUserId());
        }
        Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET telegram_user_id = ?, telegram_key_id = ?, "
                    + "telegram_key_fingerprint = ? WHERE id = ?")) {
                ps.setLong(1, telegramUserId);
                ps.setObject(2, keyId);
                ps.setString(3, fingerprint);
                ps.setLong(4, user.id());
                return ps.executeUpdate();
            }
        });
    }

    /** The perpflow user is already linked to another Telegram user id. */
    public static final class LinkedElsewhereException extends AccountsException {

        private static final long serialVersionUID = 1L;

        private final long telegramUserId;

        LinkedElsewhereException(long telegramUserId) {
            super("this perpflow user is linked to another Telegram account; that account must /logout first "
                    + "(or an admin unlinks it with: users unlink-telegram <user>)");
            this.telegramUserId = telegramUserId;
        }

        public long telegramUserId() {
            return telegramUserId;
        }
    }

    public boolean unlinkTelegram(long telegramUserId) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET telegram_user_id = NULL, "
                    + "telegram_key_id = NULL, telegram_key_fingerprint = NULL WHERE telegram_user_id = ?")) {
                ps.setLong(1, telegramUserId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Telegram ids of active admins (where notifications without a single owner go). */
    public List<Long> adminTelegramIds() {
        return all().stream().filter(u -> u.admin() && u.active() && u.telegramUserId() != null)
                .map(User::telegramUserId).toList();
    }

    /** The user the bootstrap admin key acts as in chats: {@code admin}, created on first use. */
    public User bootstrapAdmin() {
        return find("admin").filter(User::admin).orElseGet(() -> find("admin").isPresent()
                ? throwTaken() : create("admin", true));
    }

    private static User throwTaken() {
        throw new AccountsException("a non-admin user is named 'admin'; the bootstrap key cannot link to it");
    }

    public List<User> all() {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, is_admin, telegram_user_id, is_active, created_at FROM users ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<User> users = new ArrayList<>();
                while (rs.next()) {
                    users.add(map(rs));
                }
                return users;
            }
        });
    }

    private Optional<User> one(String sql, Object parameter) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    private static User map(ResultSet rs) throws SQLException {
        long telegram = rs.getLong(4);
        // wasNull right after reading the column: an unlinked user has no Telegram id, not id 0
        Long telegramUserId = rs.wasNull() ? null : telegram;
        return new User(rs.getLong(1), rs.getString(2), rs.getBoolean(3), telegramUserId, rs.getBoolean(5),
                rs.getTimestamp(6).toInstant());
    }
}

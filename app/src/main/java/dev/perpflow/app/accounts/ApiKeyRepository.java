package dev.perpflow.app.accounts;

import dev.perpflow.app.security.ApiKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * API keys: created for a user (the key is returned once and stored only as a salted hash), listed by prefix,
 * revoked, and checked: prefix lookup among live keys of active users → hash check → expiry → {@code last_used_at}.
 * A verified hash is remembered for a minute (by a digest, never the key) so the slow hash is not paid per request;
 * revocation, expiry and the user's state are still read from the database on every check, so a key revoked by
 * another process (the CLI) stops working at once.
 */
public final class ApiKeyRepository {

    private static final Duration VERIFIED_TTL = Duration.ofMinutes(1);

    /** A key as listed: never the key itself. */
    public record KeyInfo(long id, long userId, String username, String name, String prefix, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        public String state(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }
    }

    /** A new key: {@code key} is shown to the user once and never stored. */
    public record Created(KeyInfo info, String key) {

        @Override
        public String toString() {
            return "Created[" + info + ", key=***]";
        }
    }

    private record Verified(Principal principal, Instant until) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ApiKeyRepository(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public Created create(UserRepository.User user, String name, Instant expiresAt, String actor) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new AccountsException("an API key needs a name of 1-64 characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new AccountsException("the expiry " + expiresAt + " is in the past");
        }
        String key = ApiKeys.generate();
        return Jdbc.transaction(dataSource, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO api_keys (user_id, name, key_prefix, key_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, user.id());
                ps.setString(2, name);
                ps.setString(3, ApiKeys.lookupPrefix(key));
                ps.setString(4, ApiKeys.hash(key));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, expiresAt == null ? null : Timestamp.from(expiresAt));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.record(c, actor, "api_key_created", user.username(), Map.of("key_id", id, "name", name,
                    "prefix", ApiKeys.lookupPrefix(key), "expires_at", String.valueOf(expiresAt)));
            return new Created(new KeyInfo(id, user.id(), user.username(), name, ApiKeys.lookupPrefix(key), now,
                    expiresAt, null, null), key);
        });
    }

    public List<KeyInfo> list(Long userId) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.id, k.user_id, u.username, k.name, k.key_prefix, k.created_at, k.expires_at,
                           k.last_used_at, k.revoked_at
                    FROM api_keys k JOIN users u ON u.id = k.user_id
                    WHERE (?::bigint IS NULL OR k.user_id = ?) ORDER BY k.id""")) {
                ps.setObject(1, userId);
                ps.setObject(2, userId);
                List<KeyInfo> keys = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new KeyInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9)));
                    }
                }
                return keys;
            }
        });
    }

    /** Revokes a key by id or by its listed prefix; revoking twice is refused with a clear message. */
    public KeyInfo revoke(String idOrPrefix, String actor) {
        KeyInfo key = list(null).stream()
                .filter(k -> String.valueOf(k.id()).equals(idOrPrefix) || k.prefix().equals(idOrPrefix)).findFirst()
                .orElseThrow(() -> new AccountsException("no API key with id or prefix '" + idOrPrefix + "'"));
        if (key.revokedAt() != null) {
            throw new AccountsException("API key " + key.prefix() + "… was already revoked at " + key.revokedAt());
        }
        Instant now = clock.instant();
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, key.id());
                ps.executeUpdate();
            }
            return audit.record(c, actor, "api_key_revoked", key.username(), Map.of("key_id", key.id(),
                    "prefix", key.prefix()));
        });
        verified.clear();
        return new KeyInfo(key.id(), key.userId(), key.username(), key.name(), key.prefix(), key.createdAt(),
                key.expiresAt(), key.lastUsedAt(), now);
    }

    /** The user a presented key belongs to, if it is a live key of an active user. */
    public Optional<Principal> authenticate(String presented) {
        if (!ApiKeys.looksLikeKey(presented)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String digest = cacheKeyOf(presented);
        Verified cached = verified.get(digest);
        if (cached != null && now.isBefore(cached.until())) {
            // the hash was checked recently; revocation, expiry and the user's state are checked on every request
            // (another process, like the CLI, may have revoked the key)
            if (stillLive(cached.principal().keyId(), now)) {
                touch(cached.principal().keyId(), now);
                return Optional.of(cached.principal());
            }
            verified.remove(digest);
            return Optional.empty();
        }
        verified.remove(digest);
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.id, k.key_hash, k.expires_at, u.id, u.username, u.is_admin
                    FROM api_keys k JOIN users u ON u.id = k.user_id
                    WHERE k.key_prefix = ? AND k.revoked_at IS NULL AND u.is_active""")) {
                ps.setString(1, ApiKeys.lookupPrefix(presented));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant expires = instant(rs, 3);
                        if (!ApiKeys.matches(presented, rs.getString(2))
                                || (expires != null && !now.isBefore(expires))) {
                            continue;
                        }
                        Principal principal = new Principal(rs.getLong(4), rs.getString(5), rs.getBoolean(6),
                                rs.getLong(1));
                        touch(principal.keyId(), now);
                        verified.put(digest, new Verified(principal, now.plus(VERIFIED_TTL)));
                        return Optional.of(principal);
                    }
                }
            }
            return Optional.<Principal>empty();
        });
    }

    private boolean stillLive(long keyId, Instant now) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.expires_at FROM api_keys k JOIN users u ON u.id = k.user_id
                    WHERE k.id = ? AND k.revoked_at IS NULL AND u.is_active""")) {
                ps.setLong(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    Instant expires = instant(rs, 1);
                    return expires == null || now.isBefore(expires);
                }
            }
        });
    }

    private void touch(long keyId, Instant now) {
        Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, keyId);
                return ps.executeUpdate();
            }
        });
    }

    private static String cacheKeyOf(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

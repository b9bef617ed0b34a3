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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * API keys: created for a user (the key is returned once and stored only as a salted hash), listed by prefix,
 * revoked, and checked: prefix lookup among live keys of active users → hash check (no connection held, at most
 * {@value #PARALLEL_HASHES} at once) → expiry → {@code last_used_at} (at most once a minute). A verified key is
 * remembered for five minutes (by a digest, never the key) so the slow hash is not paid per request; whether it is
 * still live is re-read once it was last checked more than {@link #LIVE_TTL} ago, and a revocation through this
 * repository forgets it at once, so a revoked key stops working within a second whichever process revoked it.
 */
public final class ApiKeyRepository {

    /** How long a key whose hash matched is trusted without hashing again. */
    private static final Duration VERIFIED_TTL = Duration.ofMinutes(5);
    /** How long "not revoked, not expired" is trusted: revocation takes effect within this, from any process. */
    static final Duration LIVE_TTL = Duration.ofSeconds(1);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int PARALLEL_HASHES = 2;

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

    private record Verified(Principal principal, Instant until, Instant expiresAt) {
    }

    private record Candidate(Principal principal, String hash, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<Long, Instant> live = new ConcurrentHashMap<>();
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();
    private final Semaphore hashing = new Semaphore(PARALLEL_HASHES);

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
        live.remove(key.id());
        return new KeyInfo(key.id(), key.userId(), key.username(), key.name(), key.prefix(), key.createdAt(),
                key.expiresAt(), key.lastUsedAt(), now);
    }

    /**
     * The user a presented key belongs to, if it is a live key of an active user. The slow hash runs without holding
     * a database connection, at most {@value #PARALLEL_HASHES} at a time ({@link KeyCheckBusyException} when that
     * takes longer than two seconds); a verified key is remembered ({@link #cached}).
     */
    public Optional<Principal> authenticate(String presented) {
        Optional<Principal> cached = cached(presented);
        if (cached.isPresent() || !ApiKeys.looksLikeKey(presented)) {
            return cached;
        }
        Instant now = clock.instant();
        List<Candidate> candidates = Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.id, k.key_hash, k.expires_at, u.id, u.username, u.is_admin
                    FROM api_keys k JOIN users u ON u.id = k.user_id
                    WHERE k.key_prefix = ? AND k.revoked_at IS NULL AND u.is_active""")) {
                ps.setString(1, ApiKeys.lookupPrefix(presented));
                List<Candidate> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Candidate(new Principal(rs.getLong(4), rs.getString(5), rs.getBoolean(6),
                                rs.getLong(1)), rs.getString(2), instant(rs, 3)));
                    }
                }
                return rows;
            }
        });
        // the connection is back in the pool: the hash costs tens of milliseconds of CPU per candidate
        for (Candidate candidate : candidates) {
            if ((candidate.expiresAt() != null && !now.isBefore(candidate.expiresAt()))
                    || !hashMatches(presented, candidate.hash())) {
                continue;
            }
            Principal principal = candidate.principal();
            verified.put(cacheKeyOf(presented), new Verified(principal, now.plus(VERIFIED_TTL),
                    candidate.expiresAt()));
            live.put(principal.keyId(), now.plus(LIVE_TTL));
            touch(principal.keyId(), now);
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * The user of a key verified within the last {@link #VERIFIED_TTL}, without hashing; whether the key is still
     * live (not revoked or expired, its user active) is read again when the last answer is older than
     * {@link #LIVE_TTL}, so a key revoked by another process (the CLI) stops working within a second.
     */
    public Optional<Principal> cached(String presented) {
        if (!ApiKeys.looksLikeKey(presented)) {
            return Optional.empty();
        }
        String digest = cacheKeyOf(presented);
        Verified entry = verified.get(digest);
        Instant now = clock.instant();
        if (entry == null || !now.isBefore(entry.until())
                || (entry.expiresAt() != null && !now.isBefore(entry.expiresAt()))) {
            if (entry != null) {
                verified.remove(digest);
            }
            return Optional.empty();
        }
        if (!isLive(entry.principal().keyId())) {
            verified.remove(digest);
            return Optional.empty();
        }
        touch(entry.principal().keyId(), now);
        return Optional.of(entry.principal());
    }

    /** Whether a key is live: not revoked, not expired, its user active (re-read at most once a second per key). */
    public boolean isLive(long keyId) {
        Instant now = clock.instant();
        Instant until = live.get(keyId);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean isLive = Jdbc.query(dataSource, c -> {
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
        if (isLive) {
            live.put(keyId, now.plus(LIVE_TTL));
        } else {
            live.remove(keyId);
        }
        return isLive;
    }

    private boolean hashMatches(String presented, String hash) {
        try {
            if (!hashing.tryAcquire(2, TimeUnit.SECONDS)) {
                throw new KeyCheckBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyCheckBusyException();
        }
        try {
            return ApiKeys.matches(presented, hash);
        } finally {
            hashing.release();
        }
    }

    /** {@code last_used_at}, written at most once a minute per key so a busy client costs no writes. */
    private void touch(long keyId, Instant now) {
        Instant last = touched.get(keyId);
        if (last != null && Duration.between(last, now).compareTo(TOUCH_EVERY) < 0) {
            return;
        }
        touched.put(keyId, now);
        Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, keyId);
                return ps.executeUpdate();
            }
        });
    }

    /** Too many keys are being hashed at once (a flood): the request is refused rather than queued. */
    public static final class KeyCheckBusyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyCheckBusyException() {
            super("too many API-key checks at once; retry in a moment");
        }
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

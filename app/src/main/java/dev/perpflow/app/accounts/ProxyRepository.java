package dev.perpflow.app.accounts;

import dev.perpflow.app.security.SecretBox;
import dev.perpflow.exchange.auth.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Proxies (HTTP or SOCKS5, optional username/password encrypted at rest) and their assignment to accounts with a
 * priority and a status (active / standby / burned). Everything printable masks the password.
 */
public final class ProxyRepository {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final List<String> STATUSES = List.of("active", "standby", "burned");

    /** A proxy; {@code password} prints as {@code ***}. */
    public record StoredProxy(long id, String label, String protocol, String host, int port, String username,
            Secret password, boolean active) {

        /** {@code socks5://alice:***@host:1080}, or without user info when there is none. */
        public String maskedUrl() {
            return protocol + "://" + (username == null ? "" : username + (password == null ? "" : ":***") + "@")
                    + host + ":" + port;
        }

        @Override
        public String toString() {
            return "StoredProxy[" + label + ", " + maskedUrl() + "]";
        }
    }

    /** A proxy assigned to an account. */
    public record Assignment(StoredProxy proxy, int priority, String status) {
    }

    private final DataSource dataSource;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    public ProxyRepository(DataSource dataSource, SecretBox box, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    static String context(String label) {
        return "proxy:" + label;
    }

    /** Adds a proxy from {@code http://[user:pass@]host:port} or {@code socks5://...}. */
    public StoredProxy add(String label, String url, String actor) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new AccountsException("proxy label '" + label + "' is not valid: 1-64 letters, digits, '_', '.' or '-'");
        }
        ParsedUrl parsed = parse(url);
        String auth = parsed.username == null ? null : box.encrypt(CredentialStore.write(parsed.password == null
                ? Map.of("username", parsed.username) : Map.of("username", parsed.username, "password", parsed.password)),
                context(label));
        Instant now = clock.instant();
        long id = Jdbc.transaction(dataSource, c -> {
            long newId;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO network_proxies (label, protocol, host, port, credentials_encrypted, created_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setString(1, label);
                ps.setString(2, parsed.protocol);
                ps.setString(3, parsed.host);
                ps.setInt(4, parsed.port);
                ps.setString(5, auth);
                ps.setTimestamp(6, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    newId = rs.getLong(1);
                }
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new AccountsException("a proxy labelled '" + label + "' already exists");
                }
                throw e;
            }
            StoredProxy masked = new StoredProxy(newId, label, parsed.protocol, parsed.host, parsed.port,
                    parsed.username, parsed.password == null ? null : Secret.of(parsed.password), true);
            audit.record(c, actor, "proxy_added", label, Map.of("url", masked.maskedUrl()));
            return newId;
        });
        return new StoredProxy(id, label, parsed.protocol, parsed.host, parsed.port, parsed.username,
                parsed.password == null ? null : Secret.of(parsed.password), true);
    }

    public List<StoredProxy> all() {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, label, protocol, host, port, credentials_encrypted, is_active FROM network_proxies
                    ORDER BY label"""); ResultSet rs = ps.executeQuery()) {
                List<StoredProxy> proxies = new ArrayList<>();
                while (rs.next()) {
                    proxies.add(map(rs, 0));
                }
                return proxies;
            }
        });
    }

    public StoredProxy require(String label) {
        return all().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new AccountsException("no proxy labelled '" + label + "'"));
    }

    public void delete(String label, String actor) {
        StoredProxy proxy = require(label);
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM network_proxies WHERE id = ?")) {
                ps.setLong(1, proxy.id());
                ps.executeUpdate();
            }
            return audit.record(c, actor, "proxy_deleted", label, Map.of("url", proxy.maskedUrl()));
        });
    }

    public void assign(AccountRepository.Account account, String label, int priority, String status, String actor) {
        if (!STATUSES.contains(status)) {
            throw new AccountsException("status '" + status + "' is not one of " + STATUSES);
        }
        StoredProxy proxy = require(label);
        Instant now = clock.instant();
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO account_proxy_assignments (account_id, proxy_id, priority, status, updated_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, proxy_id)
                    DO UPDATE SET priority = excluded.priority, status = excluded.status, updated_at = excluded.updated_at""")) {
                ps.setLong(1, account.id());
                ps.setLong(2, proxy.id());
                ps.setInt(3, priority);
                ps.setString(4, status);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            return audit.record(c, actor, "proxy_assigned", account.owner() + "/" + account.name(),
                    Map.of("proxy", label, "priority", priority, "status", status));
        });
    }

    /** Marks an assignment's status (the health monitor burns a failing proxy); audited as a rotation. */
    public void setStatus(long accountId, String label, String status, String actor, String reason) {
        StoredProxy proxy = require(label);
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE account_proxy_assignments SET status = ?, updated_at = ? WHERE account_id = ? AND proxy_id = ?""")) {
                ps.setString(1, status);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setLong(3, accountId);
                ps.setLong(4, proxy.id());
                ps.executeUpdate();
            }
            return audit.record(c, actor, "proxy_status", label, Map.of("account_id", accountId, "status", status,
                    "reason", reason));
        });
    }

    /** The accounts ({@code owner/name}) a proxy is assigned to. */
    public List<String> accountsUsing(String label) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.username || '/' || a.account_name FROM account_proxy_assignments x
                    JOIN network_proxies p ON p.id = x.proxy_id JOIN accounts a ON a.id = x.account_id
                    JOIN users u ON u.id = a.user_id WHERE p.label = ? ORDER BY 1""")) {
                ps.setString(1, label);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            }
        });
    }

    public List<Assignment> assignments(long accountId) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.label, p.protocol, p.host, p.port, p.credentials_encrypted, p.is_active,
                           a.priority, a.status
                    FROM account_proxy_assignments a JOIN network_proxies p ON p.id = a.proxy_id
                    WHERE a.account_id = ? ORDER BY a.priority, p.label""")) {
                ps.setLong(1, accountId);
                List<Assignment> assignments = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assignments.add(new Assignment(map(rs, 0), rs.getInt(8), rs.getString(9)));
                    }
                }
                return assignments;
            }
        });
    }

    private StoredProxy map(ResultSet rs, int offset) throws SQLException {
        String label = rs.getString(offset + 2);
        String encrypted = rs.getString(offset + 6);
        String username = null;
        Secret password = null;
        if (encrypted != null) {
            Map<String, String> auth = CredentialStore.read(box.decrypt(encrypted, context(label)));
            username = auth.get("username");
            password = auth.get("password") == null ? null : Secret.of(auth.get("password"));
        }
        return new StoredProxy(rs.getLong(offset + 1), label, rs.getString(offset + 3), rs.getString(offset + 4),
                rs.getInt(offset + 5), username, password, rs.getBoolean(offset + 7));
    }

    private record ParsedUrl(String protocol, String host, int port, String username, String password) {
    }

    static ParsedUrl parse(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new AccountsException("proxy URL is not valid: expected http://[user:password@]host:port or "
                    + "socks5://[user:password@]host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("socks5")) {
            throw new AccountsException("proxy protocol '" + scheme + "' is not supported: use http or socks5");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new AccountsException("proxy URL needs a host and a port, e.g. " + scheme + "://10.0.0.5:1080");
        }
        if (uri.getPort() > 65_535) {
            throw new AccountsException("proxy port " + uri.getPort() + " is not valid: 1-65535");
        }
        if (uri.getHost().length() > 253) {
            throw new AccountsException("proxy host is longer than 253 characters");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? null : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        }
        return new ParsedUrl(scheme, uri.getHost(), uri.getPort(), username, password);
    }
}

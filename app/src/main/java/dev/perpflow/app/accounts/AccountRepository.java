package dev.perpflow.app.accounts;

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
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Trading accounts, each owned by one user; names are unique per user. */
public final class AccountRepository {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** A stored account with its owner. */
    public record Account(long id, long userId, String owner, String name, String description, boolean active,
            Instant createdAt) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    public AccountRepository(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public Account create(UserRepository.User owner, String name, String description, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountsException("account name '" + name + "' is not valid: 1-64 letters, digits, '_', '.' or "
                    + "'-', starting with a letter or digit");
        }
        Instant now = clock.instant();
        return Jdbc.transaction(dataSource, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO accounts (user_id, account_name, description, created_at) VALUES (?, ?, ?, ?)
                    RETURNING id""")) {
                ps.setLong(1, owner.id());
                ps.setString(2, name);
                ps.setString(3, description);
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new AccountsException(owner.username() + " already has an account named '" + name + "'");
                }
                throw e;
            }
            audit.record(c, actor, "account_created", owner.username() + "/" + name, Map.of("account_id", id));
            return new Account(id, owner.id(), owner.username(), name, description, true, now);
        });
    }

    /** Accounts of one user, or of everyone when {@code userId} is null. */
    public List<Account> list(Long userId) {
        return Jdbc.query(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT a.id, a.user_id, u.username, a.account_name, a.description, a.is_active, a.created_at
                    FROM accounts a JOIN users u ON u.id = a.user_id
                    WHERE (?::bigint IS NULL OR a.user_id = ?) ORDER BY a.id""")) {
                ps.setObject(1, userId);
                ps.setObject(2, userId);
                List<Account> accounts = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()));
                    }
                }
                return accounts;
            }
        });
    }

    /** Accounts by name across users (names are unique per user, not globally). */
    public List<Account> named(String name) {
        return list(null).stream().filter(a -> a.name().equals(name)).toList();
    }

    /**
     * The one active account called {@code name}: {@code owner/name} picks among several users' accounts of that
     * name; a bare name must be unambiguous. A deactivated account is refused (nothing may trade with it).
     */
    public Account require(String name) {
        Account account = requireAny(name);
        if (!account.active()) {
            throw new AccountsException("account " + account.owner() + "/" + account.name() + " is deactivated "
                    + "(admin CLI: accounts activate " + account.owner() + "/" + account.name() + ")");
        }
        return account;
    }

    /** Like {@link #require}, deactivated accounts included (for managing them). */
    public Account requireAny(String name) {
        String owner = null;
        String account = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            owner = name.substring(0, slash);
            account = name.substring(slash + 1);
        }
        String wantedOwner = owner;
        List<Account> matches = named(account).stream().filter(a -> wantedOwner == null || a.owner().equals(wantedOwner))
                .toList();
        if (matches.isEmpty()) {
            throw new AccountsException("no account named '" + name + "'");
        }
        if (matches.size() > 1) {
            throw new AccountsException("several users have an account named '" + account + "': say which as owner/"
                    + account + " (" + String.join(", ", matches.stream().map(a -> a.owner() + "/" + a.name()).toList())
                    + ")");
        }
        return matches.get(0);
    }

    public Optional<Account> find(long userId, String name) {
        return list(userId).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** What an account has, by name only: venues with stored credentials and assigned proxies (no secret read). */
    public record Overview(List<String> venues, List<String> proxies) {
    }

    /** The account's venues and proxies, without decrypting anything (works without the master key). */
    public Overview overview(long accountId) {
        return Jdbc.query(dataSource, c -> {
            List<String> venues = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT exchange FROM account_exchange_credentials WHERE account_id = ? ORDER BY exchange")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        venues.add(rs.getString(1));
                    }
                }
            }
            List<String> proxies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.label, a.status FROM account_proxy_assignments a JOIN network_proxies p ON p.id = a.proxy_id
                    WHERE a.account_id = ? ORDER BY a.priority, p.label""")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        proxies.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                    }
                }
            }
            return new Overview(venues, proxies);
        });
    }

    /**
     * Deletes an account with its credentials and proxy assignments; refused, naming them, while strategy runs of the
     * account are running or any of its positions or orders is still open (their owner would lose control of them).
     */
    public void delete(Account account, String actor) {
        Jdbc.transaction(dataSource, c -> {
            requireIdle(c, account, "delete");
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM accounts WHERE id = ?")) {
                ps.setLong(1, account.id());
                ps.executeUpdate();
            }
            return audit.record(c, actor, "account_deleted", account.owner() + "/" + account.name(),
                    Map.of("account_id", account.id()));
        });
    }

    /** Activates or deactivates an account; deactivating is refused while it is in use, as deleting is. */
    public void setActive(Account account, boolean active, String actor) {
        Jdbc.transaction(dataSource, c -> {
            if (!active) {
                requireIdle(c, account, "deactivate");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET is_active = ? WHERE id = ?")) {
                ps.setBoolean(1, active);
                ps.setLong(2, account.id());
                ps.executeUpdate();
            }
            return audit.record(c, actor, active ? "account_activated" : "account_deactivated",
                    account.owner() + "/" + account.name(), Map.of("account_id", account.id()));
        });
    }

    /** What still uses an account: runs not stopped, open positions, unresolved orders (one line each, at most 10). */
    public List<String> inUse(Account account) {
        return Jdbc.query(dataSource, c -> inUse(c, account));
    }

    private void requireIdle(java.sql.Connection c, Account account, String action) throws SQLException {
        List<String> uses = inUse(c, account);
        if (!uses.isEmpty()) {
            throw new AccountsException("cannot " + action + " " + account.owner() + "/" + account.name()
                    + " while it is in use: " + String.join("; ", uses) + ". Stop its runs (closing their positions) "
                    + "first");
        }
    }

    private static List<String> inUse(java.sql.Connection c, Account account) throws SQLException {
        String full = account.owner() + "/" + account.name();
        List<String> uses = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 'run ' || id || ' (' || strategy || ', ' || status || ')' FROM strategy_runs
                WHERE account = ? AND status IN ('starting', 'running', 'paused') ORDER BY id LIMIT 10""")) {
            ps.setString(1, full);
            collect(ps, uses);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 'position ' || p.id || ' (' || p.symbol || ', ' || p.status || ', run ' || r.id || ')'
                FROM strategy_positions p JOIN strategy_runs r ON r.id = p.run_id
                WHERE r.account = ? AND p.status IN ('opening', 'open', 'closing') ORDER BY p.id LIMIT 10""")) {
            ps.setString(1, full);
            collect(ps, uses);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 'order ' || client_order_id || ' (' || venue || ' ' || symbol || ', ' || status || ')'
                FROM orders WHERE account = ? AND status IN ('NEW', 'OPEN', 'PARTIALLY_FILLED', 'UNKNOWN')
                ORDER BY created_at LIMIT 10""")) {
            ps.setString(1, full);
            collect(ps, uses);
        }
        return uses;
    }

    private static void collect(PreparedStatement ps, List<String> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}

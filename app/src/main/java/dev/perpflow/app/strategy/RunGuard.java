package dev.perpflow.app.strategy;

import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.control.Refusal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks {@link RuntimeLimits} before a run starts. Admins are held only to the total number of runs; other users to
 * every limit (the seed's SafetyManager and HealthMonitor). Usage comes from the audit log and {@code strategy_runs},
 * so it survives restarts and is shared by every node on the database. A start a limit refuses is a
 * {@link Refusal.Kind#LIMITED} refusal saying which limit and when it clears.
 */
public final class RunGuard {

    /** What a user has used of each limit. */
    public record Usage(int startsLast24h, Instant lastStart, BigDecimal errorRate7d, int running, int runningOfUser) {
    }

    private final DataSource dataSource;
    private final RuntimeLimits limits;
    private final Clock clock;

    public RunGuard(DataSource dataSource, RuntimeLimits limits, Clock clock) {
        this.dataSource = dataSource;
        this.limits = limits;
        this.clock = clock;
    }

    public RuntimeLimits limits() {
        return limits;
    }

    public void check(Principal caller) {
        Usage usage = usage(caller.username());
        Instant now = clock.instant();
        if (usage.running() >= limits.maxRunning()) {
            throw Refusal.limited(usage.running() + " runs are running, the most this node runs at once is "
                    + limits.maxRunning() + " (perpflow.runtime.max-running); stop one first");
        }
        if (caller.admin()) {
            return;
        }
        if (usage.runningOfUser() >= limits.maxRunningPerUser()) {
            throw Refusal.limited("you already run " + usage.runningOfUser() + " strategies, the most per user is "
                    + limits.maxRunningPerUser() + "; stop one first");
        }
        if (usage.startsLast24h() >= limits.dailyStarts()) {
            throw Refusal.limited("you started " + usage.startsLast24h() + " runs in the last 24 hours, the limit is "
                    + limits.dailyStarts());
        }
        if (usage.lastStart() != null && Duration.between(usage.lastStart(), now).compareTo(limits.cooldown()) < 0) {
            long wait = limits.cooldown().minus(Duration.between(usage.lastStart(), now)).toSeconds();
            throw Refusal.limited("wait " + wait + " s: starts are at least " + limits.cooldown().toMinutes()
                    + " min apart");
        }
        if (usage.errorRate7d().compareTo(limits.maxErrorRate()) > 0) {
            throw Refusal.limited("too many of your runs of the last 7 days ended in error ("
                    + usage.errorRate7d().movePointRight(2).stripTrailingZeros().toPlainString() + " %, the cap is "
                    + limits.maxErrorRate().movePointRight(2).stripTrailingZeros().toPlainString()
                    + " %); look at their errors first");
        }
    }

    public Usage usage(String username) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            int starts = 0;
            Instant last = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE time > ?), max(time) FROM audit_log
                    WHERE action = 'strategy_started' AND actor = ?""")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofHours(24))));
                ps.setString(2, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    starts = rs.getInt(1);
                    last = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                }
            }
            BigDecimal errorRate = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE status = 'error'), count(*) FROM strategy_runs
                    WHERE started_by = ? AND started_at > ? AND status IN ('running', 'error', 'stopped')""")) {
                ps.setString(1, username);
                ps.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(7))));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(2) > 0) {
                        errorRate = BigDecimal.valueOf(rs.getInt(1)).divide(BigDecimal.valueOf(rs.getInt(2)),
                                MathContext.DECIMAL64);
                    }
                }
            }
            int running;
            int runningOfUser;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), count(*) FILTER (WHERE started_by = ?) FROM strategy_runs WHERE status = 'running'""")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    running = rs.getInt(1);
                    runningOfUser = rs.getInt(2);
                }
            }
            return new Usage(starts, last, errorRate, running, runningOfUser);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read run usage: " + e.getMessage(), e);
        }
    }

    /** Limits and usage as {@code /limits} and the API show them. */
    public Map<String, Object> describe(Principal caller) {
        Usage usage = usage(caller.username());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("daily_start_limit", limits.dailyStarts());
        view.put("starts_last_24h", usage.startsLast24h());
        view.put("start_cooldown_seconds", limits.cooldown().toSeconds());
        view.put("last_start", usage.lastStart());
        view.put("max_error_rate", limits.maxErrorRate());
        view.put("error_rate_7d", usage.errorRate7d());
        view.put("max_running", limits.maxRunning());
        view.put("running", usage.running());
        view.put("max_running_per_user", limits.maxRunningPerUser());
        view.put("running_of_user", usage.runningOfUser());
        view.put("admin_exempt", caller.admin());
        return view;
    }
}

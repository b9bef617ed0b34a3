package dev.perpflow.app.strategy;

import dev.perpflow.risk.MarketClaims;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** Market claims in the {@code market_claims} table, so they hold across runs, restarts and nodes. */
public final class JdbcMarketClaims implements MarketClaims {

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcMarketClaims(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<String> claim(String account, String venue, String symbol, String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO market_claims (account, venue, symbol, run_id, claimed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account, venue, symbol) DO UPDATE SET run_id = market_claims.run_id
                RETURNING run_id""")) {
            ps.setString(1, account);
            ps.setString(2, venue);
            ps.setString(3, symbol);
            ps.setString(4, runId);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String holder = rs.getString(1);
                return holder.equals(runId) ? Optional.empty() : Optional.of(holder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim " + symbol + " on " + venue + " for " + account + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void release(String account, String venue, String symbol, String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM market_claims WHERE account = ? AND venue = ? AND symbol = ? AND run_id = ?")) {
            ps.setString(1, account);
            ps.setString(2, venue);
            ps.setString(3, symbol);
            ps.setString(4, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release " + symbol + " on " + venue + ": " + e.getMessage(), e);
        }
    }

    /** Releases every claim of a run (it stopped and holds nothing). */
    public void releaseAll(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM market_claims WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the claims of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The run holding a market of an account, if any. */
    public Optional<String> holder(String account, String venue, String symbol) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT run_id FROM market_claims WHERE account = ? AND venue = ? AND symbol = ?")) {
            ps.setString(1, account);
            ps.setString(2, venue);
            ps.setString(3, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the claim of " + symbol + " on " + venue, e);
        }
    }
}

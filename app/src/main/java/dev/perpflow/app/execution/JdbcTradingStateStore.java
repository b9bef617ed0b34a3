package dev.perpflow.app.execution;

import dev.perpflow.risk.TradingState;
import dev.perpflow.risk.TradingStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The trading state in the single-row {@code trading_state} table, so a halt survives restarts. */
public class JdbcTradingStateStore implements TradingStateStore {

    private final DataSource dataSource;

    public JdbcTradingStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<TradingState> load() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM trading_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(TradingState.valueOf(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw new JournalException("could not read the trading state", e);
        }
    }

    @Override
    public void save(TradingState state, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO trading_state (id, state, reason, updated_at) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, state.name());
            ps.setString(2, reason);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("could not save the trading state " + state, e);
        }
    }
}

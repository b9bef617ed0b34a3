package dev.perpflow.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Housekeeping statements: retention of history and logs, and clearing market data that stopped updating. */
public class MaintenanceRepository {

    private final DataSource dataSource;

    public MaintenanceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int deleteFundingRatesBefore(Instant cutoff) throws SQLException {
        return update("DELETE FROM funding_rates WHERE time < ?", cutoff);
    }

    public int deleteCollectionLogsBefore(Instant cutoff) throws SQLException {
        return update("DELETE FROM collection_logs WHERE started_at < ?", cutoff);
    }

    /** Nulls volume, open interest and book data not updated since {@code cutoff} (the seed's stale cleanup). */
    public int clearMarketDataNotUpdatedSince(Instant cutoff) throws SQLException {
        return update("""
                UPDATE dex_symbols SET volume_24h = NULL, volume_24h_base = NULL, open_interest_usd = NULL,
                    open_interest_base = NULL, best_bid = NULL, best_ask = NULL, spread_bps = NULL, updated_at = NULL
                WHERE updated_at < ?""", cutoff);
    }

    private int update(String sql, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }
}

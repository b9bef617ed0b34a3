package dev.perpflow.app.persistence;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes funding collection rounds: {@code funding_rates} history (one batch per round),
 * {@code latest_funding_rates}, {@code dex_symbols} market data, {@code collection_logs} and venue health,
 * all in one transaction so a round lands whole or not at all.
 */
public class FundingRepository {

    private final DataSource dataSource;
    private final Map<String, Integer> symbolIds = new ConcurrentHashMap<>();

    public FundingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a successful round of one venue; returns the number of rates written. */
    public int storeRound(int dexId, FundingSnapshot snapshot) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> symbols = new LinkedHashSet<>();
                snapshot.rates().forEach(r -> symbols.add(r.symbol()));
                snapshot.stats().forEach(s -> symbols.add(s.symbol()));
                Map<String, Integer> ids = symbolIds(c, symbols);
                Map<String, MarketStats> stats = snapshot.stats().stream()
                        .collect(Collectors.toMap(MarketStats::symbol, Function.identity(), (a, b) -> b));
                insertHistory(c, dexId, ids, snapshot, stats);
                upsertLatest(c, dexId, ids, snapshot.rates());
                upsertMarketData(c, dexId, ids, snapshot.stats());
                insertLog(c, dexId, snapshot.observedAt().minus(snapshot.latency()), snapshot.observedAt(), "success",
                        snapshot.rates().size(), 0, null);
                markSuccess(c, dexId, snapshot.observedAt());
                c.commit();
                return snapshot.rates().size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** How fresh the latest rates are: their count and the newest and oldest update times. */
    public record Freshness(long totalRates, Instant latestUpdate, Instant oldestUpdate) {
    }

    public Freshness freshness() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*), max(updated_at), min(updated_at) FROM latest_funding_rates");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp latest = rs.getTimestamp(2);
            Timestamp oldest = rs.getTimestamp(3);
            return new Freshness(rs.getLong(1), latest == null ? null : latest.toInstant(),
                    oldest == null ? null : oldest.toInstant());
        }
    }

    /** Records a failed round: a {@code failed} log row and one more consecutive error on the venue. */
    public void recordFailure(int dexId, Instant startedAt, String error) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertLog(c, dexId, startedAt, Instant.now(), "failed", 0, 0, error);
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE dexes SET consecutive_errors = consecutive_errors + 1, last_error = ?, updated_at = now()
                        WHERE id = ?""")) {
                    ps.setString(1, error);
                    ps.setInt(2, dexId);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Map<String, Integer> symbolIds(Connection c, Set<String> symbols) throws SQLException {
        Map<String, Integer> result = new HashMap<>();
        String[] missing = symbols.stream().filter(s -> {
            Integer id = symbolIds.get(s);
            if (id != null) {
                result.put(s, id);
            }
            return id == null;
        }).toArray(String[]::new);
        if (missing.length == 0) {
            return result;
        }
        Array array = c.createArrayOf("varchar", missing);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO symbols (symbol) SELECT unnest(?::varchar[]) ON CONFLICT (symbol) DO NOTHING");
             PreparedStatement select = c.prepareStatement("SELECT id, symbol FROM symbols WHERE symbol = ANY(?)")) {
            insert.setArray(1, array);
            insert.executeUpdate();
            select.setArray(1, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    symbolIds.put(rs.getString(2), rs.getInt(1));
                    result.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        return result;
    }

    private static void insertHistory(Connection c, int dexId, Map<String, Integer> ids, FundingSnapshot snapshot,
            Map<String, MarketStats> stats) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO funding_rates (time, dex_id, symbol_id, funding_rate, interval_hours, next_funding_time,
                    predicted_rate, index_price, mark_price, open_interest_usd, volume_24h, collection_latency_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            int latencyMs = (int) Math.min(Integer.MAX_VALUE, snapshot.latency().toMillis());
            for (FundingRate rate : snapshot.rates()) {
                MarketStats marketStats = stats.get(rate.symbol());
                ps.setTimestamp(1, Timestamp.from(rate.observedAt()));
                ps.setInt(2, dexId);
                ps.setInt(3, ids.get(rate.symbol()));
                ps.setBigDecimal(4, rate.rate());
                ps.setInt(5, rate.intervalHours());
                setInstant(ps, 6, rate.nextFundingTime());
                ps.setBigDecimal(7, rate.predictedRate());
                ps.setBigDecimal(8, rate.indexPrice());
                ps.setBigDecimal(9, rate.markPrice());
                ps.setBigDecimal(10, marketStats == null ? null : marketStats.openInterestUsd());
                ps.setBigDecimal(11, marketStats == null ? null : marketStats.volume24hUsd());
                ps.setInt(12, latencyMs);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertLatest(Connection c, int dexId, Map<String, Integer> ids, List<FundingRate> rates)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO latest_funding_rates (dex_id, symbol_id, funding_rate, interval_hours, next_funding_time,
                    predicted_rate, index_price, mark_price, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dex_id, symbol_id) DO UPDATE SET
                    funding_rate = excluded.funding_rate, interval_hours = excluded.interval_hours,
                    next_funding_time = excluded.next_funding_time, predicted_rate = excluded.predicted_rate,
                    index_price = excluded.index_price, mark_price = excluded.mark_price,
                    updated_at = excluded.updated_at""")) {
            for (FundingRate rate : rates) {
                ps.setInt(1, dexId);
                ps.setInt(2, ids.get(rate.symbol()));
                ps.setBigDecimal(3, rate.rate());
                ps.setInt(4, rate.intervalHours());
                setInstant(ps, 5, rate.nextFundingTime());
                ps.setBigDecimal(6, rate.predictedRate());
                ps.setBigDecimal(7, rate.indexPrice());
                ps.setBigDecimal(8, rate.markPrice());
                ps.setTimestamp(9, Timestamp.from(rate.observedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertMarketData(Connection c, int dexId, Map<String, Integer> ids, List<MarketStats> stats)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dex_symbols (dex_id, symbol_id, dex_symbol_format, volume_24h, open_interest_usd, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (dex_id, symbol_id) DO UPDATE SET
                    volume_24h = excluded.volume_24h, open_interest_usd = excluded.open_interest_usd,
                    updated_at = excluded.updated_at""")) {
            for (MarketStats s : stats) {
                ps.setInt(1, dexId);
                ps.setInt(2, ids.get(s.symbol()));
                ps.setString(3, s.symbol());
                ps.setBigDecimal(4, s.volume24hUsd());
                ps.setBigDecimal(5, s.openInterestUsd());
                ps.setTimestamp(6, Timestamp.from(s.observedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertLog(Connection c, int dexId, Instant started, Instant completed, String status,
            int fetched, int failed, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO collection_logs (dex_id, started_at, completed_at, status, symbols_fetched, symbols_failed,
                    error_message) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setInt(1, dexId);
            ps.setTimestamp(2, Timestamp.from(started));
            ps.setTimestamp(3, Timestamp.from(completed));
            ps.setString(4, status);
            ps.setInt(5, fetched);
            ps.setInt(6, failed);
            ps.setString(7, error);
            ps.executeUpdate();
        }
    }

    private static void markSuccess(Connection c, int dexId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE dexes SET last_successful_fetch = ?, consecutive_errors = 0, last_error = NULL, updated_at = now()
                WHERE id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setInt(2, dexId);
            ps.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }
}

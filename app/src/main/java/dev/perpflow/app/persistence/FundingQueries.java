package dev.perpflow.app.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Read side of the funding data for the REST API: latest rates, history, symbols, collection logs, counts. */
public class FundingQueries {

    private final DataSource dataSource;

    public FundingQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A latest rate with its venue's market data; the rate is raw, for {@code intervalHours}. */
    public record LatestRateRow(String dex, String symbol, BigDecimal rate, int intervalHours, BigDecimal predictedRate,
            BigDecimal markPrice, BigDecimal indexPrice, Instant nextFundingTime, Instant updatedAt,
            BigDecimal volume24h, BigDecimal openInterestUsd, Integer spreadBps) {
    }

    public record HistoryPoint(Instant time, BigDecimal rate, int intervalHours) {
    }

    public record DexSymbolRow(String symbol, String dexSymbolFormat, boolean active, BigDecimal minOrderSize,
            BigDecimal volume24h, BigDecimal openInterestUsd, Integer spreadBps, Instant updatedAt) {
    }

    public record CollectionLogRow(String dex, Instant startedAt, Instant completedAt, String status,
            int symbolsFetched, int symbolsFailed, String errorMessage) {
    }

    public record DatabaseCounts(long symbols, long dexes, long latestRates, long ratesLast24h) {
    }

    /** Latest rates of active venues, optionally for one venue and/or one symbol (case-insensitive). */
    public List<LatestRateRow> latestRates(String dex, String symbol) throws SQLException {
        String sql = """
                SELECT d.name, s.symbol, l.funding_rate, l.interval_hours, l.predicted_rate, l.mark_price, l.index_price,
                       l.next_funding_time, l.updated_at, ds.volume_24h, ds.open_interest_usd, ds.spread_bps
                FROM latest_funding_rates l
                JOIN dexes d ON d.id = l.dex_id AND d.is_active
                JOIN symbols s ON s.id = l.symbol_id
                LEFT JOIN dex_symbols ds ON ds.dex_id = l.dex_id AND ds.symbol_id = l.symbol_id
                WHERE (?::varchar IS NULL OR d.name = lower(?)) AND (?::varchar IS NULL OR s.symbol = upper(?))
                ORDER BY s.symbol, d.name""";
        List<LatestRateRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dex);
            ps.setString(2, dex);
            ps.setString(3, symbol);
            ps.setString(4, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LatestRateRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), instant(rs, 8), instant(rs, 9),
                            rs.getBigDecimal(10), rs.getBigDecimal(11), (Integer) rs.getObject(12)));
                }
            }
        }
        return rows;
    }

    /** The most recent {@code limit} points since {@code since}, oldest first. */
    public List<HistoryPoint> history(String dex, String symbol, Instant since, int limit) throws SQLException {
        String sql = """
                SELECT time, funding_rate, interval_hours FROM (
                    SELECT f.time, f.funding_rate, f.interval_hours
                    FROM funding_rates f
                    JOIN dexes d ON d.id = f.dex_id JOIN symbols s ON s.id = f.symbol_id
                    WHERE d.name = lower(?) AND s.symbol = upper(?) AND f.time >= ?
                    ORDER BY f.time DESC LIMIT ?) recent
                ORDER BY time""";
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dex);
            ps.setString(2, symbol);
            ps.setTimestamp(3, Timestamp.from(since));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new HistoryPoint(instant(rs, 1), rs.getBigDecimal(2), rs.getInt(3)));
                }
            }
        }
        return points;
    }

    /** Every point of a symbol since {@code since}, on one venue or all. */
    public List<HistoryPoint> historyForSymbol(String symbol, String dex, Instant since) throws SQLException {
        String sql = """
                SELECT f.time, f.funding_rate, f.interval_hours
                FROM funding_rates f
                JOIN dexes d ON d.id = f.dex_id JOIN symbols s ON s.id = f.symbol_id
                WHERE s.symbol = upper(?) AND (?::varchar IS NULL OR d.name = lower(?)) AND f.time >= ?
                ORDER BY f.time""";
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, symbol);
            ps.setString(2, dex);
            ps.setString(3, dex);
            ps.setTimestamp(4, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new HistoryPoint(instant(rs, 1), rs.getBigDecimal(2), rs.getInt(3)));
                }
            }
        }
        return points;
    }

    public boolean symbolExists(String symbol) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM symbols WHERE symbol = upper(?)")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A venue's markets, highest volume first. */
    public List<DexSymbolRow> venueSymbols(String dex) throws SQLException {
        String sql = """
                SELECT s.symbol, ds.dex_symbol_format, ds.is_active, ds.min_order_size, ds.volume_24h,
                       ds.open_interest_usd, ds.spread_bps, ds.updated_at
                FROM dex_symbols ds JOIN dexes d ON d.id = ds.dex_id JOIN symbols s ON s.id = ds.symbol_id
                WHERE d.name = lower(?)
                ORDER BY ds.volume_24h DESC NULLS LAST, s.symbol""";
        List<DexSymbolRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DexSymbolRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), (Integer) rs.getObject(7), instant(rs, 8)));
                }
            }
        }
        return rows;
    }

    public List<CollectionLogRow> recentCollections(String dex, int limit) throws SQLException {
        String sql = """
                SELECT d.name, l.started_at, l.completed_at, l.status, l.symbols_fetched, l.symbols_failed,
                       l.error_message
                FROM collection_logs l JOIN dexes d ON d.id = l.dex_id
                WHERE (?::varchar IS NULL OR d.name = lower(?))
                ORDER BY l.started_at DESC LIMIT ?""";
        List<CollectionLogRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dex);
            ps.setString(2, dex);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CollectionLogRow(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    public DatabaseCounts counts() throws SQLException {
        String sql = """
                SELECT (SELECT count(*) FROM symbols), (SELECT count(*) FROM dexes),
                       (SELECT count(*) FROM latest_funding_rates),
                       (SELECT count(*) FROM funding_rates WHERE time > now() - interval '24 hours')""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new DatabaseCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /** A venue's active markets and how many of its latest rates changed in the last hour. */
    public record VenueActivity(long activeSymbols, long recentUpdates) {
    }

    public VenueActivity venueActivity(String dex) throws SQLException {
        String sql = """
                SELECT (SELECT count(*) FROM dex_symbols ds JOIN dexes d ON d.id = ds.dex_id
                        WHERE d.name = lower(?) AND ds.is_active),
                       (SELECT count(*) FROM latest_funding_rates l JOIN dexes d ON d.id = l.dex_id
                        WHERE d.name = lower(?) AND l.updated_at > now() - interval '1 hour')""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dex);
            ps.setString(2, dex);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new VenueActivity(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    public Optional<Instant> latestUpdate() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT max(updated_at) FROM latest_funding_rates");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(instant(rs, 1));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

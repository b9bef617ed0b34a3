package dev.perpflow.app.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The {@code dexes} table: which venues exist, their fees and their collection health. */
public class VenueRepository {

    private final DataSource dataSource;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    public VenueRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row of {@code dexes} as the health and venue APIs show it. */
    public record VenueRow(
            int id,
            String name,
            String displayName,
            boolean active,
            BigDecimal makerFeePercent,
            BigDecimal takerFeePercent,
            int collectionIntervalSeconds,
            Instant lastSuccessfulFetch,
            String lastError,
            int consecutiveErrors) {
    }

    /** Inserts or updates a venue at startup; returns its id. */
    public int register(String name, String displayName, String apiBaseUrl, boolean active, BigDecimal makerFeePercent,
            BigDecimal takerFeePercent, int collectionIntervalSeconds) throws SQLException {
        String sql = """
                INSERT INTO dexes (name, display_name, api_base_url, is_active, maker_fee_percent, taker_fee_percent,
                                   collection_interval_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET
                    display_name = excluded.display_name,
                    api_base_url = coalesce(excluded.api_base_url, dexes.api_base_url),
                    is_active = excluded.is_active,
                    maker_fee_percent = excluded.maker_fee_percent,
                    taker_fee_percent = excluded.taker_fee_percent,
                    collection_interval_seconds = excluded.collection_interval_seconds,
                    updated_at = now()
                RETURNING id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, displayName);
            ps.setString(3, apiBaseUrl);
            ps.setBoolean(4, active);
            ps.setBigDecimal(5, makerFeePercent);
            ps.setBigDecimal(6, takerFeePercent);
            ps.setInt(7, collectionIntervalSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int id = rs.getInt(1);
                ids.put(name, id);
                return id;
            }
        }
    }

    /** Marks every venue not in {@code names} inactive, e.g. a sim venue that was removed from the configuration. */
    public void deactivateAllExcept(Collection<String> names) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE dexes SET is_active = FALSE, updated_at = now() WHERE is_active AND NOT (name = ANY(?))")) {
            ps.setArray(1, c.createArrayOf("varchar", names.toArray()));
            ps.executeUpdate();
        }
    }

    /** The id of a registered venue. */
    public int idOf(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("venue " + name + " was not registered at startup");
        }
        return id;
    }

    /** Columns of a venue only its detail view shows. */
    public record VenueDetails(String apiBaseUrl, boolean supportsWebsocket, int rateLimitPerMinute, Instant createdAt,
            Instant updatedAt) {
    }

    public VenueDetails details(int id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT api_base_url, supports_websocket, rate_limit_per_minute, created_at, updated_at
                FROM dexes WHERE id = ?""")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no venue with id " + id);
                }
                return new VenueDetails(rs.getString(1), rs.getBoolean(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
            }
        }
    }

    /** A venue by name, case-insensitively. */
    public Optional<VenueRow> findByName(String name) throws SQLException {
        return findAll().stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<VenueRow> findAll() throws SQLException {
        String sql = """
                SELECT id, name, display_name, is_active, maker_fee_percent, taker_fee_percent,
                       collection_interval_seconds, last_successful_fetch, last_error, consecutive_errors
                FROM dexes ORDER BY name""";
        List<VenueRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp last = rs.getTimestamp(8);
                rows.add(new VenueRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7),
                        last == null ? null : last.toInstant(), rs.getString(9), rs.getInt(10)));
            }
        }
        return rows;
    }
}

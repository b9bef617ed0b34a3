package dev.perpflow.app.persistence;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes funding collection rounds: {@code funding_rates} history, {@code latest_funding_rates},
 * {@code dex_symbols} market data, {@code collection_logs}, venue health and the round's event, in one statement
 * per round (after the symbols' own) so a round lands whole or not at all.
 */
public class FundingRepository {

    private final DataSource dataSource;

    public FundingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a successful round of one venue: first the symbols it lists (a statement of its own, so rows another
     * venue's round inserts at the same moment are visible to the next one), then in a single atomic statement the
     * history batch, the latest-rate upserts, the market data, the collection log, the venue's health and the
     * {@code funding_round_stored} event. Returns the number of history rates written.
     */
    public int storeRound(int dexId, FundingSnapshot snapshot) throws SQLException {
        Map<String, MarketStats> stats = snapshot.stats().stream()
                .collect(Collectors.toMap(MarketStats::symbol, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        Map<String, FundingRate> rates = snapshot.rates().stream()
                .collect(Collectors.toMap(FundingRate::symbol, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        Set<String> symbols = new LinkedHashSet<>(rates.keySet());
        symbols.addAll(stats.keySet());
        int n = symbols.size();
        String[] symbol = new String[n];
        BigDecimal[] rate = new BigDecimal[n];
        Integer[] interval = new Integer[n];
        Timestamp[] next = new Timestamp[n];
        BigDecimal[] predicted = new BigDecimal[n];
        BigDecimal[] index = new BigDecimal[n];
        BigDecimal[] mark = new BigDecimal[n];
        Timestamp[] observed = new Timestamp[n];
        BigDecimal[] volume = new BigDecimal[n];
        BigDecimal[] openInterest = new BigDecimal[n];
        Timestamp[] statsAt = new Timestamp[n];
        int i = 0;
        for (String s : symbols) {
            FundingRate r = rates.get(s);
            MarketStats m = stats.get(s);
            symbol[i] = s;
            if (r != null) {
                rate[i] = r.rate();
                interval[i] = r.intervalHours();
                next[i] = r.nextFundingTime() == null ? null : Timestamp.from(r.nextFundingTime());
                predicted[i] = r.predictedRate();
                index[i] = r.indexPrice();
                mark[i] = r.markPrice();
                observed[i] = Timestamp.from(r.observedAt());
            }
            if (m != null) {
                volume[i] = m.volume24hUsd();
                openInterest[i] = m.openInterestUsd();
                statsAt[i] = Timestamp.from(m.observedAt());
            }
            i++;
        }
        try (Connection c = dataSource.getConnection()) {
            insertSymbols(c, symbol);
            return storeRound(c, dexId, snapshot, rates.size(), symbol, rate, interval, next, predicted, index, mark,
                    observed, volume, openInterest, statsAt);
        }
    }

    /**
     * Makes sure every symbol has its row. On its own: a statement's snapshot cannot see rows that a concurrent
     * statement commits while this one waits on their unique key, so one statement inserting and then joining
     * symbols would silently drop the rows of every symbol another venue's round had just inserted.
     */
    private static void insertSymbols(Connection c, String[] symbols) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO symbols (symbol) SELECT unnest(?::varchar[]) ORDER BY 1 ON CONFLICT (symbol) DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("varchar", symbols));
            ps.executeUpdate();
        }
    }

    @SuppressWarnings("java:S107")
    private static int storeRound(Connection c, int dexId, FundingSnapshot snapshot, int fetched, String[] symbol,
            BigDecimal[] rate, Integer[] interval, Timestamp[] next, BigDecimal[] predicted, BigDecimal[] index,
            BigDecimal[] mark, Timestamp[] observed, BigDecimal[] volume, BigDecimal[] openInterest, Timestamp[] statsAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STORE_ROUND)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("varchar", symbol));
            ps.setArray(p++, c.createArrayOf("numeric", rate));
            ps.setArray(p++, c.createArrayOf("int4", interval));
            ps.setArray(p++, c.createArrayOf("timestamptz", next));
            ps.setArray(p++, c.createArrayOf("numeric", predicted));
            ps.setArray(p++, c.createArrayOf("numeric", index));
            ps.setArray(p++, c.createArrayOf("numeric", mark));
            ps.setArray(p++, c.createArrayOf("timestamptz", observed));
            ps.setArray(p++, c.createArrayOf("numeric", volume));
            ps.setArray(p++, c.createArrayOf("numeric", openInterest));
            ps.setArray(p++, c.createArrayOf("timestamptz", statsAt));
            ps.setInt(p++, dexId);
            ps.setInt(p++, (int) Math.min(Integer.MAX_VALUE, snapshot.latency().toMillis()));
            ps.setTimestamp(p++, Timestamp.from(snapshot.observedAt().minus(snapshot.latency())));
            ps.setTimestamp(p++, Timestamp.from(snapshot.observedAt()));
            ps.setInt(p++, fetched);
            ps.setString(p, snapshot.venue());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every write of a round as data-modifying CTEs over unnested arrays (one row per symbol). */
    private static final String STORE_ROUND = """
            WITH input AS (
                SELECT * FROM unnest(?::varchar[], ?::numeric[], ?::int4[], ?::timestamptz[], ?::numeric[],
                                     ?::numeric[], ?::numeric[], ?::timestamptz[], ?::numeric[], ?::numeric[],
                                     ?::timestamptz[])
                    AS t(symbol, rate, interval_hours, next_funding_time, predicted_rate, index_price, mark_price,
                         observed_at, volume_24h, open_interest_usd, stats_at)),
            params AS (SELECT ?::int AS dex_id, ?::int AS latency_ms, ?::timestamptz AS started_at,
                              ?::timestamptz AS completed_at, ?::int AS fetched, ?::text AS venue),
            rows AS (
                SELECT s.id AS symbol_id, input.* FROM input JOIN symbols s ON s.symbol = input.symbol),
            history AS (
                INSERT INTO funding_rates (time, dex_id, symbol_id, funding_rate, interval_hours, next_funding_time,
                    predicted_rate, index_price, mark_price, open_interest_usd, volume_24h, collection_latency_ms)
                SELECT r.observed_at, p.dex_id, r.symbol_id, r.rate, r.interval_hours, r.next_funding_time,
                       r.predicted_rate, r.index_price, r.mark_price, r.open_interest_usd, r.volume_24h, p.latency_ms
                FROM rows r, params p WHERE r.rate IS NOT NULL
                ON CONFLICT DO NOTHING
                RETURNING 1),
            latest AS (
                INSERT INTO latest_funding_rates (dex_id, symbol_id, funding_rate, interval_hours, next_funding_time,
                    predicted_rate, index_price, mark_price, updated_at)
                SELECT p.dex_id, r.symbol_id, r.rate, r.interval_hours, r.next_funding_time, r.predicted_rate,
                       r.index_price, r.mark_price, r.observed_at
                FROM rows r, params p WHERE r.rate IS NOT NULL
                ON CONFLICT (dex_id, symbol_id) DO UPDATE SET
                    funding_rate = excluded.funding_rate, interval_hours = excluded.interval_hours,
                    next_funding_time = excluded.next_funding_time, predicted_rate = excluded.predicted_rate,
                    index_price = excluded.index_price, mark_price = excluded.mark_price,
                    updated_at = excluded.updated_at),
            market AS (
                INSERT INTO dex_symbols (dex_id, symbol_id, dex_symbol_format, volume_24h, open_interest_usd, updated_at)
                SELECT p.dex_id, r.symbol_id, r.symbol, r.volume_24h, r.open_interest_usd, r.stats_at
                FROM rows r, params p WHERE r.stats_at IS NOT NULL
                ON CONFLICT (dex_id, symbol_id) DO UPDATE SET
                    volume_24h = excluded.volume_24h, open_interest_usd = excluded.open_interest_usd,
                    updated_at = excluded.updated_at),
            log AS (
                INSERT INTO collection_logs (dex_id, started_at, completed_at, status, symbols_fetched, symbols_failed)
                SELECT dex_id, started_at, completed_at, 'success', fetched, 0 FROM params),
            health AS (
                UPDATE dexes SET last_successful_fetch = p.completed_at, consecutive_errors = 0, last_error = NULL,
                    updated_at = now()
                FROM params p WHERE dexes.id = p.dex_id),
            event AS (
                INSERT INTO domain_events (event_type, level, occurred_at, payload)
                SELECT 'funding_round_stored', 'info', p.completed_at, jsonb_build_object('venue', p.venue,
                    'symbols', (SELECT count(*) FROM input), 'rates', p.fetched,
                    'rates_stored', (SELECT count(*) FROM history), 'latency_ms', p.latency_ms)
                FROM params p)
            SELECT count(*) FROM history""";

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


}

package dev.perpflow.app.fundingarb;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The fills and closed positions of funding-arbitrage runs, read for people (the chat's {@code /trades} and
 * {@code /pnl}), always limited to a set of accounts in the query itself, so a page of rows is a page of the
 * caller's rows.
 */
public final class TradeHistory {

    /** One aggregated entry or exit fill of a position leg. */
    public record Fill(Instant time, String tradeType, String venue, String symbol, String side, BigDecimal quantity,
            BigDecimal averagePrice, BigDecimal fee, String account) {
    }

    /** A closed position and what it made. */
    public record ClosedPosition(String symbol, String longVenue, String shortVenue, BigDecimal pnlUsd,
            String exitReason, Instant closedAt, String account) {
    }

    /** The latest closed positions and the realized PnL of all of them. */
    public record RealizedPnl(BigDecimal totalUsd, int positions, List<ClosedPosition> latest) {
    }

    private final DataSource dataSource;

    public TradeHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest fills of runs of {@code accounts} (every account when null), newest first. */
    public List<Fill> recentFills(List<String> accounts, int limit) throws SQLException {
        String sql = """
                SELECT f.timestamp, f.trade_type, f.dex, f.symbol, f.side, f.total_quantity, f.weighted_avg_price,
                       f.total_fee, r.account
                FROM trade_fills f JOIN strategy_positions p ON p.id = f.position_id
                JOIN strategy_runs r ON r.id = p.run_id
                WHERE (? OR r.account = ANY (?))
                ORDER BY f.timestamp DESC, f.id DESC LIMIT ?""";
        List<Fill> fills = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAccounts(c, ps, accounts);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fills.add(new Fill(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getString(9)));
                }
            }
        }
        return fills;
    }

    /** Realized PnL of every closed position of {@code accounts} (every account when null), and the latest ones. */
    public RealizedPnl realizedPnl(List<String> accounts, int latest) throws SQLException {
        String totals = """
                SELECT COALESCE(SUM(p.pnl_usd), 0), COUNT(*)
                FROM strategy_positions p JOIN strategy_runs r ON r.id = p.run_id
                WHERE p.status = 'closed' AND (? OR r.account = ANY (?))""";
        String rows = """
                SELECT p.symbol, p.long_dex, p.short_dex, p.pnl_usd, p.exit_reason, p.closed_at, r.account
                FROM strategy_positions p JOIN strategy_runs r ON r.id = p.run_id
                WHERE p.status = 'closed' AND (? OR r.account = ANY (?))
                ORDER BY p.closed_at DESC NULLS LAST, p.id DESC LIMIT ?""";
        try (Connection c = dataSource.getConnection()) {
            BigDecimal total;
            int count;
            try (PreparedStatement ps = c.prepareStatement(totals)) {
                bindAccounts(c, ps, accounts);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getBigDecimal(1);
                    count = rs.getInt(2);
                }
            }
            List<ClosedPosition> closed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(rows)) {
                bindAccounts(c, ps, accounts);
                ps.setInt(3, latest);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        closed.add(new ClosedPosition(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6) == null ? null
                                : rs.getTimestamp(6).toInstant(), rs.getString(7)));
                    }
                }
            }
            return new RealizedPnl(total, count, closed);
        }
    }

    /** Parameters 1 and 2: "every account" and the account names. */
    private static void bindAccounts(Connection c, PreparedStatement ps, List<String> accounts) throws SQLException {
        ps.setBoolean(1, accounts == null);
        Array names = c.createArrayOf("text", accounts == null ? new Object[0] : accounts.toArray());
        ps.setArray(2, names);
    }
}

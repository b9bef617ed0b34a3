package dev.perpflow.app.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.strategy.StrategyRunRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat's {@code /trades} and {@code /pnl} read the caller's rows only, filtered in the query: a user with fills
 * is never told "no trades yet" because other accounts traded more recently (the old query took the newest 60 fills
 * of everyone, then filtered).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeHistoryTest {

    private static final Instant T = Instant.parse("2026-12-04T00:00:00Z");

    private TestDatabase db;
    private TradeHistory history;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.start();
        history = new TradeHistory(db.database().dataSource());
        StrategyRunRepository runs = new StrategyRunRepository(db.database().dataSource(), "funding_arbitrage");
        runs.create("alice-run", "sim-a,sim-b", Map.of(), T, "alice/main");
        runs.create("bob-run", "sim-a,sim-b", Map.of(), T, "bob/main");
        position("alice-1", "alice-run", "closed", "12.5", T.plusSeconds(10));
        position("alice-2", "alice-run", "closed", "-2.5", T.plusSeconds(20));
        fill("alice-1", "BTC", T.plusSeconds(1));
        for (int i = 0; i < 100; i++) {
            position("bob-" + i, "bob-run", "closed", "1", T.plusSeconds(100 + i));
            fill("bob-" + i, "ETH", T.plusSeconds(100 + i));
        }
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void aUsersFillsAreFoundBehindAHundredNewerFillsOfAnotherAccount() throws Exception {
        List<TradeHistory.Fill> fills = history.recentFills(List.of("alice/main"), 20);

        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("BTC");
            assertThat(f.account()).isEqualTo("alice/main");
            assertThat(f.quantity()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    void everyAccountMeansEveryFillNewestFirstUpToTheLimit() throws Exception {
        List<TradeHistory.Fill> fills = history.recentFills(null, 20);

        assertThat(fills).hasSize(20);
        assertThat(fills.get(0).time()).isEqualTo(T.plusSeconds(199));
        assertThat(history.recentFills(List.of(), 20)).isEmpty();
    }

    @Test
    void realizedPnlTotalsEveryClosedPositionOfTheAccountsNotOnlyThoseShown() throws Exception {
        TradeHistory.RealizedPnl alice = history.realizedPnl(List.of("alice/main"), 1);
        assertThat(alice.totalUsd()).isEqualByComparingTo("10");
        assertThat(alice.positions()).isEqualTo(2);
        assertThat(alice.latest()).extracting(TradeHistory.ClosedPosition::pnlUsd)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("-2.5"));

        TradeHistory.RealizedPnl everyone = history.realizedPnl(null, 5);
        assertThat(everyone.totalUsd()).isEqualByComparingTo("110");
        assertThat(everyone.positions()).isEqualTo(102);
    }

    private void position(String id, String runId, String status, String pnl, Instant closedAt) throws Exception {
        db.execute("INSERT INTO strategy_positions (id, run_id, symbol, long_dex, short_dex, size_usd, entry_long_rate,"
                + " entry_short_rate, entry_divergence, opened_at, status, exit_reason, closed_at, pnl_usd) VALUES ('"
                + id + "', '" + runId + "', 'BTC', 'sim-a', 'sim-b', 100, 0.0001, 0.0005, 0.0004, '" + T + "', '"
                + status + "', 'manual_close', '" + closedAt + "', " + pnl + ")");
    }

    private void fill(String positionId, String symbol, Instant at) throws Exception {
        db.execute("INSERT INTO trade_fills (position_id, trade_type, dex, symbol, side, total_quantity,"
                + " weighted_avg_price, total_fee, client_order_ids, timestamp) VALUES ('" + positionId
                + "', 'entry', 'sim-a', '" + symbol + "', 'buy', 0.01, 90000, 0.05, ARRAY['c-" + positionId + "'], '"
                + at + "')");
    }
}

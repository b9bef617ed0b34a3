package dev.perpflow.app.grid;

import dev.perpflow.app.strategy.StrategyRunRepository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.grid.GridEvent;
import dev.perpflow.grid.GridState;
import dev.perpflow.grid.TrackedPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The grid state round-trips through PostgreSQL field for field (the seed's GridState round-trip test). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridStatePersistenceTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private TestDatabase db;
    private StrategyRunRepository runs;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.start();
        runs = new StrategyRunRepository(db.database().dataSource(), "grid");
        runs.upsertRun("grid-run-1", "sim-a", Map.of("ticker", "BTC", "take_profit", 0.15), T);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        GridState state = new GridState(GridState.GridCycle.WAITING_FOR_FILL,
                List.of(new TrackedPosition("grid-1", new BigDecimal("89999"), new BigDecimal("0.003"),
                                new BigDecimal("90006"), T, "run-grid-1-close-retry-2", 3),
                        new TrackedPosition("grid-2", new BigDecimal("89989"), new BigDecimal("0.003"),
                                new BigDecimal("89996"), T.plusSeconds(5), null, 4)),
                "grid-7", "run-grid-7-entry", T.plusSeconds(60), 7, T.plusSeconds(60), 2, T.plusSeconds(30), true,
                false);
        runs.saveState("grid-run-1", state, T);
        assertThat(runs.loadState("grid-run-1")).contains(state);
    }

    @Test
    void eventsAreStoredNewestFirst() throws Exception {
        runs.appendEvent("grid-run-1", new GridEvent(T, "position_tracked", GridEvent.Level.INFO, "grid-1 filled",
                Map.of("position_id", "grid-1")));
        runs.appendEvent("grid-run-1", new GridEvent(T.plusSeconds(1), "margin_cap_hit", GridEvent.Level.WARNING,
                "Margin cap", Map.of("margin_limit", 40)));
        List<StrategyRunRepository.RunEvent> events = runs.events("grid-run-1", 10);
        assertThat(events).extracting(StrategyRunRepository.RunEvent::type)
                .startsWith("margin_cap_hit", "position_tracked");
        assertThat(events.get(0).details()).isEqualTo(Map.of("margin_limit", 40));
    }

    @Test
    void theRunIsFoundWithItsConfig() throws Exception {
        assertThat(runs.findRun("grid-run-1")).get().satisfies(r -> {
            assertThat(r.venue()).isEqualTo("sim-a");
            assertThat(r.status()).isEqualTo("running");
            assertThat(r.config()).containsEntry("ticker", "BTC");
        });
        assertThat(runs.findRun("nope")).isEmpty();
    }
}

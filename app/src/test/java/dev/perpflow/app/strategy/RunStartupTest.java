package dev.perpflow.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At startup every strategy resumes its running runs, then the profile's dev runs start from their files, except a
 * dev run a user stopped: that one stays stopped across restarts (it used to run again at every start).
 */
class RunStartupTest {

    private static final Instant T = Instant.parse("2026-12-04T00:00:00Z");
    private static final Path FILE = Path.of("configs/dev-grid.yaml");

    private TestDatabase db;
    private StrategyRunRepository runs;
    private RecordingHost host;

    @BeforeEach
    void start() {
        db = TestDatabase.start();
        runs = new StrategyRunRepository(db.database().dataSource(), "grid");
        host = new RecordingHost(runs);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aDevRunNeverStartedBeforeStartsFromItsFile() throws Exception {
        startup("dev-grid").onCamelContextFullyStarted(null, false);

        assertThat(host.calls).containsExactly("resumeRunning", "startFromFile dev-grid " + FILE);
    }

    @Test
    void aDevRunAUserStoppedStaysStoppedAfterARestart() throws Exception {
        runs.create("dev-grid", "sim-a", Map.of("ticker", "BTC"), T);
        runs.markStatus("dev-grid", "stopped", null, T.plusSeconds(60));

        startup("dev-grid").onCamelContextFullyStarted(null, false);

        assertThat(host.calls).containsExactly("resumeRunning");
        assertThat(runs.findRun("dev-grid")).get().extracting(StrategyRunRepository.StoredRun::status)
                .isEqualTo("stopped");
    }

    @Test
    void aDevRunThatWasRunningOrCrashedStartsAgain() throws Exception {
        runs.create("dev-grid", "sim-a", Map.of("ticker", "BTC"), T);
        runs.markStatus("dev-grid", "running", null, T);
        runs.create("dev-grid-2", "sim-a", Map.of("ticker", "ETH"), T);
        runs.markStatus("dev-grid-2", "error", "venue down", T);

        startup("dev-grid", "dev-grid-2").onCamelContextFullyStarted(null, false);

        assertThat(host.calls).containsExactly("resumeRunning", "startFromFile dev-grid " + FILE,
                "startFromFile dev-grid-2 " + FILE);
    }

    private RunStartup startup(String... devRunIds) {
        List<RunStartup.DevRun> devRuns = new ArrayList<>();
        for (String id : devRunIds) {
            devRuns.add(new RunStartup.DevRun(host, id, FILE));
        }
        return new RunStartup(List.of(host), devRuns);
    }

    /** A strategy that records what the startup asked of it. */
    private static final class RecordingHost implements RunHost {

        private final StrategyRunRepository runs;
        private final List<String> calls = new ArrayList<>();

        RecordingHost(StrategyRunRepository runs) {
            this.runs = runs;
        }

        @Override
        public String strategy() {
            return "grid";
        }

        @Override
        public StrategyRunRepository runs() {
            return runs;
        }

        @Override
        public void validate(Map<String, Object> config) {
        }

        @Override
        public void create(String runId, Map<String, Object> config, String account, Instant now) {
            calls.add("create " + runId);
        }

        @Override
        public void start(String runId, Map<String, Object> config) {
            calls.add("start " + runId);
        }

        @Override
        public void startFromFile(String runId, Path file) {
            calls.add("startFromFile " + runId + " " + file);
        }

        @Override
        public StopOutcome stop(String runId, boolean closePositions) {
            calls.add("stop " + runId);
            return StopOutcome.stopped(0);
        }

        @Override
        public void crash(String runId, String reason) {
            calls.add("crash " + runId);
        }

        @Override
        public void resumeRunning() {
            calls.add("resumeRunning");
        }

        @Override
        public List<String> runningIds() {
            return List.of();
        }

        @Override
        public RunFailures failures() {
            return new RunFailures();
        }
    }
}

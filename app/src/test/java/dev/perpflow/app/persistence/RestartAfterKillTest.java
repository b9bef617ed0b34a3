package dev.perpflow.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.app.config.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9, then the README's run command once: the app comes up by itself (the embedded PostgreSQL left running by
 * the killed process is found and stopped) and every order journaled before the kill is still in the journal.
 * Failed before: the first restart after a crash always exited with "embedded PostgreSQL did not start".
 */
class RestartAfterKillTest {

    @TempDir
    Path dataDir;

    @Test
    void oneRestartAfterAKillComesUpWithTheJournalComplete() throws Exception {
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        Map<String, String> env = Map.of("PERPFLOW_GRID_DEV_RUN", root.resolve("configs/dev/grid-sim-a.yaml").toString(),
                "PERPFLOW_GRID_TICK_MILLIS", "200", "PERPFLOW_API_KEY", "k".repeat(32));
        int port = AppProcessAccess.freePort();
        List<String> journaled;
        AutoCloseable first = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !orderIds().isEmpty());
            journaled = orderIds();
            AppProcessAccess.kill(first);
        } finally {
            first.close();
        }
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("the killed app's PostgreSQL is still running").contains(true);

        try (AutoCloseable second = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
            assertThat(AppProcessAccess.output(second)).contains("still running on");
            assertThat(orderIds()).containsAll(journaled);
        }
    }

    /** Client order ids in the journal of the app running on the data dir. */
    private List<String> orderIds() throws Exception {
        try (Database database = Database.openShared(new DatabaseSettings("", "postgres", ""), dataDir);
                Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT client_order_id FROM orders")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}

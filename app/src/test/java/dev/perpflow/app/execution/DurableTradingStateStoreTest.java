package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A halt holds without the database and across a restart in between; the database catches up when it is back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableTradingStateStoreTest {

    private TestDatabase db;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void aHaltSurvivesANewStore(@TempDir Path dir) {
        try (DurableTradingStateStore store = new DurableTradingStateStore(db.database().dataSource(),
                dir.resolve("states.json"))) {
            new RiskGuard(RiskLimits.defaults(), store, Clock.systemUTC()).halt(RiskGuard.GLOBAL, "kill switch");
            await().until(store::synced);
        }
        try (DurableTradingStateStore again = new DurableTradingStateStore(db.database().dataSource(),
                dir.resolve("states.json"))) {
            RiskGuard afterRestart = new RiskGuard(RiskLimits.defaults(), again, Clock.systemUTC());
            assertThat(afterRestart.state()).isEqualTo(TradingState.HALTED);
            afterRestart.resume(RiskGuard.GLOBAL, "operator");
            await().until(again::synced);
        }
    }

    @Test
    void aHaltWhileTheDatabaseIsDownHoldsAcrossARestartAndReachesTheDatabaseLater(@TempDir Path dir)
            throws Exception {
        AtomicBoolean down = new AtomicBoolean(false);
        DataSource flaky = new SwitchableDataSource(db.database().dataSource(), down);
        Path file = dir.resolve("states.json");
        try (DurableTradingStateStore store = new DurableTradingStateStore(flaky, file)) {
            RiskGuard risk = new RiskGuard(RiskLimits.defaults(), store, Clock.systemUTC());
            down.set(true);
            risk.halt("alice/main", "daily loss limit");
            assertThat(risk.state("alice/main")).isEqualTo(TradingState.HALTED);
            assertThat(store.synced()).isFalse();
        }
        assertThat(Files.readString(file)).contains("alice/main").contains("HALTED");

        // restart with the database back: the local copy is newer, wins, and is written to the database
        down.set(false);
        try (DurableTradingStateStore store = new DurableTradingStateStore(flaky, file)) {
            assertThat(new RiskGuard(RiskLimits.defaults(), store, Clock.systemUTC()).state("alice/main"))
                    .isEqualTo(TradingState.HALTED);
            await().atMost(Duration.ofSeconds(10)).until(store::synced);
        }
        assertThat(db.count("SELECT count(*) FROM trading_states WHERE scope = 'alice/main' AND state = 'HALTED'"))
                .isEqualTo(1);
    }

    /** A data source that fails every connection while {@code down} is set, like an unreachable database. */
    private record SwitchableDataSource(DataSource target, AtomicBoolean down) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("database unreachable (test)");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

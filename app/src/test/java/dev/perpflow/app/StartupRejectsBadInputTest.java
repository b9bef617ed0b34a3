package dev.perpflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.config.DatabaseSettings;
import dev.perpflow.app.persistence.Database;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad-input case stops startup with exit status 2 and one line naming what to fix, before anything is
 * started that the failure could leave behind.
 */
class StartupRejectsBadInputTest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void unknownProfileIsNamedWithTheValidOnes() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), Map.of("CAMEL_MAIN_PROFILE", "staging"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("perpflow failed to start: unknown profile 'staging'")
                .contains("dev, paper, live, test");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void malformedPortNamesTheKeyAndItsEnvironmentVariable() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), Map.of("PERPFLOW_HTTP_PORT", "eighty"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output())
                .contains("invalid value 'eighty' for perpflow.http.port (env PERPFLOW_HTTP_PORT)");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void liveProfileWithoutTheMasterKeyRefusesToStartAndSaysWhy() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), Map.of("CAMEL_MAIN_PROFILE", "live"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("the live profile needs the master key").contains("PERPFLOW_MASTER_KEY");
    }

    @Test
    void malformedMasterKeyIsNamedWithoutEchoingIt() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(),
                Map.of("CAMEL_MAIN_PROFILE", "live", "PERPFLOW_MASTER_KEY", "hunter2-not-a-key"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("the master key is not base64").doesNotContain("hunter2");
    }

    @Test
    void aShortBootstrapKeyIsRefusedWithoutEchoingIt() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), Map.of("PERPFLOW_API_KEY", "letmein-123"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("perpflow.api-key (PERPFLOW_API_KEY) is 11 characters long")
                .contains("at least 24").doesNotContain("letmein-123");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void malformedVenueSettingIsNamed() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(),
                Map.of("PERPFLOW_VENUES_SIM_A_FUNDING_BIAS", "lots"));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("invalid value 'lots' for perpflow.venues.sim-a.funding-bias");
    }

    @Test
    void portInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AppProcess app = AppProcess.start(dataDir, taken.getLocalPort(), Map.of());
            assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
            assertThat(app.output()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("perpflow.http.port");
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void unreachableExternalDatabaseIsNamed() throws Exception {
        int closedPort = AppTestSupport.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/perpflow";
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), Map.of("PERPFLOW_DB_URL", url));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("cannot connect to PostgreSQL at " + url)
                .contains("perpflow.db.url");
    }

    @Test
    void missingRoutesFolderIsNamed() throws Exception {
        AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(),
                Map.of("PERPFLOW_ROUTES_DIR", dataDir.resolve("no-such-folder").toString()));
        assertThat(app.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(app.output()).contains("the routes folder").contains("perpflow.routes-dir");
    }

    @Test
    void brokenYamlRouteIsNamedAndLeavesTheDataDirUsable(@TempDir Path routes) throws Exception {
        Path realRoutes = Path.of(System.getProperty("perpflow.routes-dir", "../routes"));
        try (var files = Files.list(realRoutes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        int port = AppTestSupport.freePort();
        Instant firstRunStopped;
        try (AppProcess good = AppProcess.start(dataDir, port, Map.of())) {
            good.awaitHealthy(Duration.ofSeconds(60));
        }
        firstRunStopped = Instant.now();

        Files.writeString(routes.resolve("broken.camel.yaml"), "- route:\n    id: broken\n    from: [this is not: a uri\n");
        AppProcess broken = AppProcess.start(dataDir, port, Map.of("PERPFLOW_ROUTES_DIR", routes.toString()));
        assertThat(broken.awaitExit(EXIT_TIMEOUT)).isEqualTo(PerpflowApplication.EXIT_STARTUP_FAILED);
        assertThat(broken.output()).contains("perpflow failed to start: a route file could not be loaded")
                .contains("broken.camel.yaml");

        try (AppProcess again = AppProcess.start(dataDir, port, Map.of())) {
            again.awaitHealthy(Duration.ofSeconds(60));
        }
        try (Database database = Database.open(new DatabaseSettings("", "postgres", ""), dataDir);
             Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM funding_rates WHERE time < ?")) {
            ps.setTimestamp(1, Timestamp.from(firstRunStopped));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("funding rows of the first run survive the failed start").isPositive();
            }
        }
    }
}

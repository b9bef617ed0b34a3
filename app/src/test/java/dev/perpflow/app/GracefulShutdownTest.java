package dev.perpflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C as the seed: one press stops gracefully, a second within 2 s exits at once. */
class GracefulShutdownTest {

    private static final Map<String, String> NO_VENUES = Map.of("PERPFLOW_SIM_VENUES", "");

    @TempDir
    Path dataDir;

    @Test
    void oneCtrlCStopsGracefully() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), NO_VENUES)) {
            app.awaitHealth(Duration.ofSeconds(60), "\"database\"");
            app.interrupt();
            assertThat(app.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(app.output()).contains("shutting down gracefully").contains("shutdown");
        }
    }

    @Test
    void aProfileFromTheEnvironmentLoadsOnlyItsOwnPropertiesFile() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), NO_VENUES)) {
            app.awaitHealth(Duration.ofSeconds(60), "\"database\"");
            assertThat(app.output()).contains("starting with profile: test").contains("[application-test.properties]")
                    .doesNotContain("[application-dev.properties]");
        }
    }

    @Test
    void aSecondCtrlCWithinTwoSecondsExitsImmediately() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir, AppTestSupport.freePort(), NO_VENUES)) {
            app.awaitHealth(Duration.ofSeconds(60), "\"database\"");
            app.interrupt();
            Thread.sleep(100);
            app.interrupt();
            assertThat(app.awaitExit(Duration.ofSeconds(10))).isEqualTo(130);
            assertThat(app.output()).contains("Second Ctrl+C: exiting immediately");
        }
    }
}

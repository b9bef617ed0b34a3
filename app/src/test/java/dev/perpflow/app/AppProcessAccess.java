package dev.perpflow.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages start the app as a separate process (see {@link AppProcess}). */
public final class AppProcessAccess {

    private AppProcessAccess() {
    }

    public static AutoCloseable start(Path dataDir, int port, Map<String, String> env) throws IOException {
        return AppProcess.start(dataDir, port, env);
    }

    /** Starts the app and waits until its health endpoint answers 200 with {@code expected} in the body. */
    public static AutoCloseable startAndAwait(Path dataDir, int port, Map<String, String> env, String expected)
            throws IOException, InterruptedException {
        AppProcess app = AppProcess.start(dataDir, port, env);
        try {
            app.awaitHealth(java.time.Duration.ofSeconds(90), expected);
        } catch (AssertionError | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Kills the app process at once, as a crash would. */
    public static void kill(AutoCloseable app) throws InterruptedException {
        ((AppProcess) app).kill();
    }

    /** Everything the app process printed so far. */
    public static String output(AutoCloseable app) {
        return ((AppProcess) app).output();
    }

    public static int freePort() {
        return AppTestSupport.freePort();
    }
}

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

    public static int freePort() {
        return AppTestSupport.freePort();
    }
}

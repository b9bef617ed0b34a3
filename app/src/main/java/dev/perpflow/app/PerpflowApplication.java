package dev.perpflow.app;

import dev.perpflow.app.config.Profiles;
import dev.perpflow.app.startup.EarlySettingsCheck;
import dev.perpflow.app.startup.ShutdownSignals;
import dev.perpflow.app.startup.StartupFailures;
import org.apache.camel.main.Main;

/**
 * Entry point: Camel Main on the {@code dev} profile unless another is chosen ({@code -Dcamel.profile},
 * {@code CAMEL_MAIN_PROFILE}). A failed start prints one line saying what to fix and exits with status 2.
 */
public final class PerpflowApplication {

    public static final int EXIT_STARTUP_FAILED = 2;

    private PerpflowApplication() {
    }

    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    static String chosenProfile() {
        String profile = System.getProperty("camel.main.profile", System.getenv("CAMEL_MAIN_PROFILE"));
        return profile == null || profile.isBlank() ? Profiles.DEV : profile.trim();
    }

    /** Runs until shut down; returns the process exit status. */
    public static int run(String[] args) {
        Main main = new Main(PerpflowApplication.class);
        // Camel Main also loads application-<profile>.properties for the profile configured here, so it must be the
        // one the user chose (CAMEL_MAIN_PROFILE / -Dcamel.main.profile), with dev only as the default
        main.configure().setProfile(chosenProfile());
        main.addMainListener(new EarlySettingsCheck());
        ShutdownSignals.install(main::completed);
        try {
            return main.run(args);
        } catch (Exception e) {
            System.err.println("perpflow failed to start: " + StartupFailures.describe(e));
            try {
                main.stop();
            } catch (Exception ignored) {
                // already reporting the startup failure; stopping is best effort
            }
            return EXIT_STARTUP_FAILED;
        }
    }
}

package dev.perpflow.app.config;

import dev.perpflow.app.startup.StartupException;
import java.util.List;

/** The run profiles perpflow knows; anything else is a typo that must stop startup. */
public final class Profiles {

    public static final String DEV = "dev";
    public static final String PAPER = "paper";
    public static final String LIVE = "live";
    public static final String TEST = "test";
    public static final List<String> ALL = List.of(DEV, PAPER, LIVE, TEST);

    private Profiles() {
    }

    public static String requireKnown(String profile) {
        if (profile == null || profile.isBlank()) {
            return DEV;
        }
        if (!ALL.contains(profile)) {
            throw new StartupException("unknown profile '" + profile + "' (set by -Dcamel.profile, CAMEL_MAIN_PROFILE or "
                    + "camel.main.profile): use one of " + String.join(", ", ALL));
        }
        return profile;
    }
}

package dev.perpflow.app.cli;

import dev.perpflow.app.config.Profiles;
import dev.perpflow.app.config.PropertyReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What the CLI reads its settings from, in the app's order: {@code -D} system properties, environment variables
 * ({@code PERPFLOW_DB_URL} for {@code perpflow.db.url}), {@code application-<profile>.properties}, then
 * {@code application.properties}; the profile comes from {@code camel.main.profile} / {@code CAMEL_MAIN_PROFILE}.
 */
final class CliEnvironment {

    private final Function<String, String> environment;
    private final Properties files = new Properties();
    private final String profile;

    private CliEnvironment(Function<String, String> environment, Map<String, String> overrides) {
        this.environment = environment;
        this.profile = Profiles.requireKnown(Optional.ofNullable(System.getProperty("camel.main.profile"))
                .or(() -> Optional.ofNullable(environment.apply("CAMEL_MAIN_PROFILE"))).orElse(Profiles.DEV).strip());
        load("application.properties");
        load("application-" + profile + ".properties");
        files.putAll(overrides);
    }

    static CliEnvironment system() {
        return new CliEnvironment(System::getenv, Map.of());
    }

    /** For tests: a given environment and property overrides. */
    static CliEnvironment of(Function<String, String> environment, Map<String, String> overrides) {
        return new CliEnvironment(environment, overrides);
    }

    String profile() {
        return profile;
    }

    String env(String name) {
        return environment.apply(name);
    }

    PropertyReader properties() {
        return new PropertyReader(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(environment.apply(PropertyReader.environmentVariable(key))))
                .or(() -> Optional.ofNullable(files.getProperty(key))));
    }

    private void load(String resource) {
        try (InputStream in = CliEnvironment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                Properties loaded = new Properties();
                loaded.load(in);
                loaded.forEach((k, v) -> {
                    String value = v.toString();
                    if (!value.contains("{{")) {
                        files.put(k, value);
                    }
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}

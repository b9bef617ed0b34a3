package dev.perpflow.app.fundingarb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads a strategy config file: a YAML mapping of the strategy's keys. */
final class YamlConfigs {

    private YamlConfigs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("strategy config " + file + " not found");
        }
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        if (!(yaml instanceof Map)) {
            throw new IllegalArgumentException("strategy config " + file + " is not a YAML mapping of keys to values");
        }
        return (Map<String, Object>) yaml;
    }
}

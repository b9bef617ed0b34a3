package dev.perpflow.app.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.grid.GridConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The four seed presets shipped in configs/grid are valid grid configs with the seed's numbers. */
class GridPresetsParseTest {

    private static final Path GRID_CONFIGS = Path.of(System.getProperty("perpflow.routes-dir", "../routes"))
            .getParent().resolve("configs/grid");

    @SuppressWarnings("unchecked")
    private static GridConfig load(String name) throws IOException {
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(GRID_CONFIGS.resolve(name + ".yaml")));
        return GridConfig.fromMap((Map<String, Object>) yaml);
    }

    @Test
    void everyPresetParses() throws IOException {
        try (Stream<Path> files = Files.list(GRID_CONFIGS)) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList();
            assertThat(names).containsExactly("ev-positive", "hft", "original", "set-and-forget");
            for (String name : names) {
                assertThat(load(name).venue()).isEqualTo("lighter");
            }
        }
    }

    @Test
    void presetsKeepTheSeedNumbers() throws IOException {
        GridConfig hft = load("hft");
        assertThat(hft.takeProfit()).isEqualByComparingTo("0.03");
        assertThat(hft.stopLossPercentage()).isEqualByComparingTo("0.12");
        assertThat(hft.positionTimeoutMinutes()).isEqualTo(1);
        GridConfig ev = load("ev-positive");
        assertThat(ev.takeProfit()).isEqualByComparingTo("0.15");
        assertThat(ev.stopLossPercentage()).isEqualByComparingTo("1.0");
        GridConfig original = load("original");
        assertThat(original.waitTimeSeconds()).isEqualByComparingTo("40");
        assertThat(original.stopPrice()).isNull();
    }
}

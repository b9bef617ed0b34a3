package dev.perpflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one YAML reader: data only, every way of not being a mapping refused in one line that says why. */
class YamlMapsTest {

    @Test
    void yamlAndJsonMappingsReadAlike() {
        assertThat(YamlMaps.parse("ticker: BTC\nscan_exchanges: [sim-a, sim-b]\n", 1000))
                .isEqualTo(Map.of("ticker", "BTC", "scan_exchanges", List.of("sim-a", "sim-b")));
        assertThat(YamlMaps.parse("{\"ticker\": \"BTC\", \"take_profit\": 0.08}", 1000))
                .containsEntry("ticker", "BTC").containsKey("take_profit");
        assertThat(YamlMaps.parse("  ", 1000)).isEmpty();
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> YamlMaps.parse("ticker: BTC\nticker: ETH\n", 1000))
                .isInstanceOf(YamlMaps.NotAMapping.class).hasMessageContaining("ticker");
    }

    @Test
    void textThatIsNotAMappingSaysSo() {
        assertThatThrownBy(() -> YamlMaps.parse("- a\n- b\n", 1000)).hasMessageContaining("mapping of keys");
        assertThatThrownBy(() -> YamlMaps.parse("{1: a}", 1000)).hasMessageContaining("keys must be strings");
        assertThatThrownBy(() -> YamlMaps.parse("a: [unclosed", 1000)).isInstanceOf(YamlMaps.NotAMapping.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void deepNestingAndOversizeTextNeverReachTheParser() {
        assertThatThrownBy(() -> YamlMaps.parse("a: " + "[".repeat(40) + "]".repeat(40), 10_000))
                .hasMessageContaining("nests 40 levels deep");
        assertThatThrownBy(() -> YamlMaps.parse("a: " + "x".repeat(200), 100))
                .hasMessageContaining("at most 100");
        assertThat(YamlMaps.flowDepth("a: \"[[[[\"")).isZero();
    }

    @Test
    void aConfigFileNamesItselfInEveryProblem(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> YamlMaps.read(missing, "grid config"))
                .hasMessage("grid config " + missing + " not found");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- BTC\n");
        assertThatThrownBy(() -> YamlMaps.read(list, "grid config")).hasMessageStartingWith("grid config " + list);
        Path good = Files.writeString(dir.resolve("good.yaml"), "ticker: BTC\n");
        assertThat(YamlMaps.read(good, "grid config")).containsEntry("ticker", "BTC");
    }
}

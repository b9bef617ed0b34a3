package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.perpflow.app.config.YamlMaps;
import dev.perpflow.fundingarb.FundingArbConfig;
import dev.perpflow.grid.GridConfig;
import org.junit.jupiter.api.Test;

/** The example {@code /create_config} shows for each strategy is accepted by that strategy's own validator. */
class CreateConfigExamplesTest {

    @Test
    void theGridExampleIsAValidGridConfig() {
        String example = StrategyCommands.EXAMPLES.get("grid");

        assertThatCode(() -> GridConfig.fromMap(YamlMaps.parse(example, 10_000))).doesNotThrowAnyException();
        assertThat(GridConfig.fromMap(YamlMaps.parse(example, 10_000)).ticker()).isEqualTo("BTC");
    }

    @Test
    void theFundingArbitrageExampleIsAValidFundingArbitrageConfig() {
        String example = StrategyCommands.EXAMPLES.get("funding_arbitrage");

        assertThatCode(() -> FundingArbConfig.fromMap(YamlMaps.parse(example, 10_000))).doesNotThrowAnyException();
    }
}

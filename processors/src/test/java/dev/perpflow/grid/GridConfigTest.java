package dev.perpflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.model.Side;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridConfigTest {

    /** The seed's recommended "EV-positive" preset. */
    private static Map<String, Object> evPositive() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("exchange", "lighter");
        raw.put("ticker", "btc");
        raw.put("direction", "buy");
        raw.put("order_notional_usd", 300);
        raw.put("target_leverage", 20);
        raw.put("take_profit", 0.15);
        raw.put("grid_step", 0.002);
        raw.put("max_orders", 5);
        raw.put("max_margin_usd", 40);
        raw.put("wait_time", 20);
        raw.put("stop_loss_enabled", true);
        raw.put("stop_loss_percentage", 1.0);
        raw.put("position_timeout_minutes", 5);
        raw.put("recovery_mode", "aggressive");
        raw.put("post_only_tick_multiplier", 10);
        return raw;
    }

    @Test
    void aSeedPresetParses() {
        GridConfig config = GridConfig.fromMap(evPositive());
        assertThat(config.ticker()).isEqualTo("BTC");
        assertThat(config.direction()).isEqualTo(Side.BUY);
        assertThat(config.takeProfit()).isEqualByComparingTo("0.15");
        assertThat(config.recoveryMode()).isEqualTo(GridConfig.RecoveryMode.AGGRESSIVE);
        assertThat(config.stopPrice()).isNull();
        assertThat(config.fallbackMarginRatio()).isEqualByComparingTo("0.05");
    }

    @Test
    void everyProblemIsReportedOnItsOwnLineAndUnknownKeysAreRejected() {
        Map<String, Object> raw = evPositive();
        raw.put("max_oi_usd", 1);
        raw.put("take_profit", 5);
        raw.put("direction", "up");
        raw.put("max_orders", "many");
        assertThatThrownBy(() -> GridConfig.fromMap(raw)).isInstanceOfSatisfying(GridConfigException.class, e ->
                assertThat(e.problems()).hasSize(4).anyMatch(p -> p.startsWith("max_oi_usd: unknown key"))
                        .anyMatch(p -> p.startsWith("take_profit: 5 is outside [0.001, 1]"))
                        .anyMatch(p -> p.startsWith("direction: 'up' must be buy or sell"))
                        .anyMatch(p -> p.startsWith("max_orders: 'many' is not a whole number")));
    }

    @Test
    void postOnlyTickMultiplierHasOneRangeUpTo20() {
        Map<String, Object> raw = evPositive();
        raw.put("post_only_tick_multiplier", 20);
        assertThat(GridConfig.fromMap(raw).postOnlyTickMultiplier()).isEqualTo(20);
        raw.put("post_only_tick_multiplier", 21);
        assertThatThrownBy(() -> GridConfig.fromMap(raw)).hasMessageContaining("post_only_tick_multiplier: 21");
    }

    @Test
    void requiredKeysAreNamed() {
        Map<String, Object> raw = evPositive();
        raw.remove("max_margin_usd");
        raw.remove("exchange");
        assertThatThrownBy(() -> GridConfig.fromMap(raw)).hasMessageContaining("max_margin_usd: required")
                .hasMessageContaining("exchange: required");
    }

    @Test
    void stopAndPausePricesMustBePositive() {
        Map<String, Object> raw = evPositive();
        raw.put("stop_price", 0);
        assertThatThrownBy(() -> GridConfig.fromMap(raw)).hasMessageContaining("stop_price: 0 is outside (0");
        raw.put("stop_price", 85000);
        raw.put("pause_price", 99000);
        assertThat(GridConfig.fromMap(raw).pausePrice()).isEqualByComparingTo("99000");
    }
}

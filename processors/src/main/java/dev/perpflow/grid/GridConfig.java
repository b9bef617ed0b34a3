package dev.perpflow.grid;

import dev.perpflow.config.ConfigReader;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A grid run's parameters with the seed's meaning and ranges. {@code takeProfit} and {@code stopLossPercentage}
 * are percent of MARGIN (turned into price moves by the margin ratio); {@code gridStep} is a direct price percent.
 * {@code postOnlyTickMultiplier} has one range, 1–20 (the seed's schema allowed 20 but its model only 10).
 *
 * @param direction BUY grids go long and take profit above; SELL grids go short
 */
public record GridConfig(
        String venue,
        String ticker,
        Side direction,
        BigDecimal orderNotionalUsd,
        BigDecimal targetLeverage,
        BigDecimal takeProfit,
        BigDecimal gridStep,
        int maxOrders,
        BigDecimal maxMarginUsd,
        BigDecimal waitTimeSeconds,
        boolean stopLossEnabled,
        BigDecimal stopLossPercentage,
        int positionTimeoutMinutes,
        RecoveryMode recoveryMode,
        int postOnlyTickMultiplier,
        BigDecimal stopPrice,
        BigDecimal pausePrice,
        boolean boostMode) {

    /** What happens to a grid position whose close order has not filled within the timeout. */
    public enum RecoveryMode { AGGRESSIVE, HEDGE, NONE }

    static final Set<String> KEYS = Set.of("exchange", "ticker", "direction", "order_notional_usd", "target_leverage",
            "take_profit", "grid_step", "max_orders", "max_margin_usd", "wait_time", "stop_loss_enabled",
            "stop_loss_percentage", "position_timeout_minutes", "recovery_mode", "post_only_tick_multiplier",
            "stop_price", "pause_price", "boost_mode");

    public GridConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(recoveryMode, "recoveryMode");
    }

    /**
     * Reads a config as written in YAML (the seed's snake_case keys). Every problem is reported, one line per key;
     * unknown keys are rejected.
     */
    public static GridConfig fromMap(Map<String, ?> raw) {
        ConfigReader r = new ConfigReader(raw, KEYS);
        GridConfig config = new GridConfig(
                r.text("exchange", null, 1, 32),
                r.text("ticker", "BTC", 1, 20).toUpperCase(Locale.ROOT),
                direction(r),
                r.decimal("order_notional_usd", null, "1", "1000000"),
                r.decimal("target_leverage", "10", "1", "1000"),
                r.decimal("take_profit", "0.08", "0.001", "1"),
                r.decimal("grid_step", "0.002", "0.0001", "0.1"),
                r.integer("max_orders", 25, 1, 100),
                r.decimal("max_margin_usd", null, "10", "1000000"),
                r.decimal("wait_time", "10", "1", "300"),
                r.bool("stop_loss_enabled", true),
                r.decimal("stop_loss_percentage", "2.0", "0.05", "10"),
                r.integer("position_timeout_minutes", 5, 1, 1440),
                r.choice("recovery_mode", RecoveryMode.AGGRESSIVE, RecoveryMode.class),
                r.integer("post_only_tick_multiplier", 10, 1, 20),
                r.decimal("stop_price", "", "0", null),
                r.decimal("pause_price", "", "0", null),
                r.bool("boost_mode", false));
        r.finish(GridConfigException::new);
        return config;
    }

    /** The margin ratio to turn margin percentages into price moves when the venue reports none: 1 / leverage. */
    public BigDecimal fallbackMarginRatio() {
        return BigDecimal.ONE.divide(targetLeverage, java.math.MathContext.DECIMAL64);
    }

    private static Side direction(ConfigReader r) {
        String text = r.text("direction", null, 1, 10).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> {
                if (!text.isEmpty()) {
                    r.problem("direction: '" + text + "' must be buy or sell");
                }
                yield Side.BUY;
            }
        };
    }
}

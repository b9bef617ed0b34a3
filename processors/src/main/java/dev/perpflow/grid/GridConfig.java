package dev.perpflow.grid;

import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        Reader r = new Reader(raw);
        GridConfig config = new GridConfig(
                r.text("exchange", null, 1, 32),
                r.text("ticker", "BTC", 1, 20).toUpperCase(Locale.ROOT),
                r.direction(),
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
                r.recovery(),
                r.integer("post_only_tick_multiplier", 10, 1, 20),
                r.decimal("stop_price", "", "0", null),
                r.decimal("pause_price", "", "0", null),
                r.bool("boost_mode", false));
        r.finish();
        return config;
    }

    /** The margin ratio to turn margin percentages into price moves when the venue reports none: 1 / leverage. */
    public BigDecimal fallbackMarginRatio() {
        return BigDecimal.ONE.divide(targetLeverage, java.math.MathContext.DECIMAL64);
    }

    /** Reads and validates raw values, collecting every problem. */
    private static final class Reader {
        private final Map<String, ?> raw;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, ?> raw) {
            this.raw = new LinkedHashMap<>(raw);
            for (String key : raw.keySet()) {
                if (!KEYS.contains(key)) {
                    problems.add(key + ": unknown key (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
                }
            }
        }

        String text(String key, String defaultValue, int minLength, int maxLength) {
            Object value = raw.get(key);
            if (value == null) {
                if (defaultValue == null) {
                    problems.add(key + ": required");
                    return "";
                }
                return defaultValue;
            }
            String text = value.toString().trim();
            if (text.length() < minLength || text.length() > maxLength) {
                problems.add(key + ": must be " + minLength + " to " + maxLength + " characters");
            }
            return text;
        }

        BigDecimal decimal(String key, String defaultValue, String min, String max) {
            Object value = raw.get(key);
            if (value == null) {
                if (defaultValue == null) {
                    problems.add(key + ": required");
                    return BigDecimal.ONE;
                }
                return defaultValue.isEmpty() ? null : new BigDecimal(defaultValue);
            }
            try {
                BigDecimal number = new BigDecimal(value.toString().trim());
                boolean tooLow = min != null && (defaultValue != null && defaultValue.isEmpty()
                        ? number.compareTo(new BigDecimal(min)) <= 0 : number.compareTo(new BigDecimal(min)) < 0);
                if (tooLow || max != null && number.compareTo(new BigDecimal(max)) > 0) {
                    problems.add(key + ": " + number.toPlainString() + " is outside " + range(min, max, defaultValue));
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key + ": '" + value + "' is not a number");
                return BigDecimal.ONE;
            }
        }

        int integer(String key, int defaultValue, int min, int max) {
            Object value = raw.get(key);
            if (value == null) {
                return defaultValue;
            }
            try {
                int number = Integer.parseInt(value.toString().trim());
                if (number < min || number > max) {
                    problems.add(key + ": " + number + " is outside " + min + "–" + max);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key + ": '" + value + "' is not a whole number");
                return defaultValue;
            }
        }

        boolean bool(String key, boolean defaultValue) {
            Object value = raw.get(key);
            if (value == null) {
                return defaultValue;
            }
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                problems.add(key + ": '" + value + "' is not true or false");
                return defaultValue;
            }
            return Boolean.parseBoolean(text);
        }

        Side direction() {
            String text = text("direction", null, 1, 10).toLowerCase(Locale.ROOT);
            return switch (text) {
                case "buy" -> Side.BUY;
                case "sell" -> Side.SELL;
                default -> {
                    if (!text.isEmpty()) {
                        problems.add("direction: '" + text + "' must be buy or sell");
                    }
                    yield Side.BUY;
                }
            };
        }

        RecoveryMode recovery() {
            String text = text("recovery_mode", "aggressive", 1, 20).toUpperCase(Locale.ROOT);
            try {
                return RecoveryMode.valueOf(text);
            } catch (IllegalArgumentException e) {
                problems.add("recovery_mode: '" + text.toLowerCase(Locale.ROOT) + "' must be aggressive, hedge or none");
                return RecoveryMode.AGGRESSIVE;
            }
        }

        void finish() {
            if (!problems.isEmpty()) {
                throw new GridConfigException(problems);
            }
        }

        private static String range(String min, String max, String defaultValue) {
            boolean exclusive = defaultValue != null && defaultValue.isEmpty();
            return (exclusive ? "(" : "[") + min + ", " + (max == null ? "∞" : max) + "]";
        }
    }
}

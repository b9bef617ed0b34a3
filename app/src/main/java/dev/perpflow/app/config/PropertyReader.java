package dev.perpflow.app.config;

import dev.perpflow.app.startup.StartupException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, validated access to {@code perpflow.*} properties. Every error names the key and its environment
 * variable, so a bad value stops startup with a message the user can act on.
 */
public final class PropertyReader {

    private final Function<String, Optional<String>> source;

    public PropertyReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw.get(), "true or false");
        };
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw invalid(key, raw.get(), "a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a whole number from " + min + " to " + max);
        }
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                throw invalid(key, raw.get(), "a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a whole number from " + min + " to " + max);
        }
    }

    public BigDecimal decimal(String key, BigDecimal defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return new BigDecimal(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a decimal number such as 0.0001");
        }
    }

    public Duration seconds(String key, Duration defaultValue, long minSeconds) {
        long seconds = longValue(key, defaultValue.toSeconds(), minSeconds, Long.MAX_VALUE / 1000);
        return Duration.ofSeconds(seconds);
    }

    public List<String> list(String key) {
        return optional(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public static String environmentVariable(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public static StartupException invalid(String key, String value, String expected) {
        return new StartupException("invalid value '" + value + "' for " + key + " (env " + environmentVariable(key)
                + "): expected " + expected);
    }
}

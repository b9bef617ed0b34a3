package dev.perpflow.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a strategy config as written in YAML (snake_case keys, scalar values as YAML gives them) and collects every
 * problem instead of stopping at the first, so a user fixes a file in one go. Unknown keys are problems too.
 * {@link #finish(Function)} throws with all of them.
 */
public final class ConfigReader {

    private final Map<String, ?> raw;
    private final List<String> problems = new ArrayList<>();

    public ConfigReader(Map<String, ?> raw, Set<String> knownKeys) {
        this.raw = new LinkedHashMap<>(raw);
        for (String key : raw.keySet()) {
            if (!knownKeys.contains(key)) {
                problems.add(key + ": unknown key (known: " + String.join(", ", new TreeSet<>(knownKeys)) + ")");
            }
        }
    }

    public boolean has(String key) {
        return raw.get(key) != null;
    }

    public void problem(String message) {
        problems.add(message);
    }

    /** A text of {@code minLength}–{@code maxLength} characters; {@code defaultValue == null} means required. */
    public String text(String key, String defaultValue, int minLength, int maxLength) {
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

    /**
     * A decimal in [{@code min}, {@code max}] ({@code max == null}: unbounded). {@code defaultValue == null} means
     * required; an empty default means optional (absent → {@code null}) with an exclusive lower bound.
     */
    public BigDecimal decimal(String key, String defaultValue, String min, String max) {
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
            boolean exclusive = defaultValue != null && defaultValue.isEmpty();
            boolean tooLow = min != null && (exclusive ? number.compareTo(new BigDecimal(min)) <= 0
                    : number.compareTo(new BigDecimal(min)) < 0);
            if (tooLow || max != null && number.compareTo(new BigDecimal(max)) > 0) {
                problems.add(key + ": " + number.toPlainString() + " is outside " + range(min, max, exclusive));
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(key + ": '" + value + "' is not a number");
            return BigDecimal.ONE;
        }
    }

    public int integer(String key, int defaultValue, int min, int max) {
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

    public boolean bool(String key, boolean defaultValue) {
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

    /** One of an enum's constants, written in lower case in YAML ({@code divergence_flip}). */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        String fallback = defaultValue == null ? null : defaultValue.name().toLowerCase(Locale.ROOT);
        String text = text(key, fallback, 1, 40).toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        if (!text.isEmpty()) {
            problems.add(key + ": '" + text + "' must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
        return defaultValue == null ? type.getEnumConstants()[0] : defaultValue;
    }

    /** A list given as a YAML sequence or a comma-separated text; entries trimmed, lower-cased, de-duplicated. */
    public List<String> lowerCaseList(String key, boolean required) {
        Object value = raw.get(key);
        if (value == null) {
            if (required) {
                problems.add(key + ": required");
            }
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            String text = item == null ? "" : item.toString().trim().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && !result.contains(text)) {
                result.add(text);
            }
        }
        if (required && result.isEmpty()) {
            problems.add(key + ": must name at least one entry");
        }
        return List.copyOf(result);
    }

    /** Throws with every problem found, built by {@code exception}. */
    public void finish(Function<List<String>, ? extends ConfigException> exception) {
        if (!problems.isEmpty()) {
            throw exception.apply(List.copyOf(problems));
        }
    }

    private static String range(String min, String max, boolean exclusive) {
        return (exclusive ? "(" : "[") + min + ", " + (max == null ? "∞" : max) + "]";
    }
}

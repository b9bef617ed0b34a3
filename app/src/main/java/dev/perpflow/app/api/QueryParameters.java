package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parsing of query parameters with 400s that name the parameter and say what is expected. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Integer integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw Refusal.invalid(name, name + " must be between " + min + " and " + max + ", was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " must be a whole number, was '" + raw + "'");
        }
    }

    public static BigDecimal decimal(String name, String raw, BigDecimal defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " must be a number, was '" + raw + "'");
        }
    }

    public static boolean bool(String name, String raw, boolean defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw Refusal.invalid(name, name + " must be true or false, was '" + raw + "'");
        };
    }

    /** A period such as {@code 7d}: a number of days ending with {@code d}, 1 to 365. */
    public static int periodDays(String name, String raw, int defaultDays) {
        if (raw == null || raw.isBlank()) {
            return defaultDays;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!value.endsWith("d")) {
            throw Refusal.invalid(name, name + " must be a number of days like 7d, was '" + raw + "'");
        }
        try {
            int days = Integer.parseInt(value.substring(0, value.length() - 1));
            if (days < 1 || days > 365) {
                throw Refusal.invalid(name, name + " must be between 1d and 365d, was '" + raw + "'");
            }
            return days;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " must be a number of days like 7d, was '" + raw + "'");
        }
    }

    /** A comma-separated list, lower-cased (venue names are case-insensitive). */
    public static List<String> lowerCaseList(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }

    /** One of a fixed set of values (case-insensitive); anything else is a 400 listing them. */
    public static String oneOf(String name, String raw, String defaultValue, List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw Refusal.invalid(name, name + " must be one of " + String.join(", ", allowed) + ", was '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
        }
        return value;
    }

    public static String required(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw Refusal.invalid(name, name + " is required");
        }
        return raw.trim();
    }
}

package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.config.YamlMaps;
import java.util.Map;

/**
 * Reads request bodies: a JSON object (YAML is accepted too, JSON being a subset of it) whatever the request's content
 * type says. A body that is not an object, repeats a key or nests too deep ({@link YamlMaps}) is a 400
 * naming the problem; nothing in it is evaluated.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a mapping; an empty body is an empty mapping. */
    public static Map<String, Object> object(String body) {
        try {
            return YamlMaps.parse(body, PerpflowHttpBinding.MAX_BODY_BYTES);
        } catch (YamlMaps.NotAMapping e) {
            throw Refusal.invalid("body", (e.unreadable() ? "body is not valid JSON: "
                    : "body must be a JSON object, like {\"key\": \"value\"}: ") + e.getMessage());
        }
    }

    /** An optional text field of at most {@code maxLength} characters, without control characters. */
    public static String text(Map<String, Object> request, String name, int maxLength) {
        Object value = request.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Refusal.invalid(name, name + " must be a string, not " + typeOf(value));
        }
        if (text.length() > maxLength) {
            throw Refusal.invalid(name, name + " is " + text.length() + " characters long; at most "
                    + maxLength);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw Refusal.invalid(name, name + " must not contain control characters");
        }
        return text;
    }

    /** A required text field. */
    public static String requiredText(Map<String, Object> request, String name, int maxLength) {
        String text = text(request, name, maxLength);
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(name, name + " is required");
        }
        return text;
    }

    /** A required mapping field whose keys are strings (a strategy's config). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapping(Map<String, Object> request, String name) {
        Object value = request.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw Refusal.invalid(name, name + " must be an object of the strategy's keys, not "
                    + (value == null ? "missing" : typeOf(value)));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw Refusal.invalid(name, name + " keys must be strings, not " + key);
            }
        }
        return (Map<String, Object>) map;
    }

    /** An optional boolean field. */
    public static boolean bool(Map<String, Object> request, String name, boolean defaultValue) {
        Object value = request.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean b)) {
            throw Refusal.invalid(name, name + " must be true or false, not " + typeOf(value));
        }
        return b;
    }

    static String typeOf(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "a list";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "'" + value + "'";
    }
}

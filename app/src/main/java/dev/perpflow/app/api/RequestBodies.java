package dev.perpflow.app.api;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads request bodies: a JSON object (YAML is accepted too, JSON being a subset of it) whatever the request's content
 * type says. A body that is not an object, repeats a key or nests deeper than {@value #MAX_DEPTH} levels is a 400
 * naming the problem; nothing in it is evaluated.
 */
public final class RequestBodies {

    static final int MAX_DEPTH = 32;

    private RequestBodies() {
    }

    /** The body as a mapping; an empty body is an empty mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        int depth = flowDepth(body);
        if (depth > MAX_DEPTH) {
            throw new BadRequestException("body", "body nests " + depth + " levels deep; at most " + MAX_DEPTH);
        }
        Object parsed;
        try {
            parsed = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                    .setCodePointLimit(PerpflowHttpBinding.MAX_BODY_BYTES).build()).loadFromString(body);
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadRequestException("body", "body is not valid JSON: " + message.lines().findFirst()
                    .orElse("").strip());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadRequestException("body", "body must be a JSON object, like {\"key\": \"value\"}");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new BadRequestException("body", "body keys must be strings, not " + key);
            }
        }
        return (Map<String, Object>) parsed;
    }

    /** An optional text field of at most {@code maxLength} characters, without control characters. */
    public static String text(Map<String, Object> request, String name, int maxLength) {
        Object value = request.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new BadRequestException(name, name + " must be a string, not " + typeOf(value));
        }
        if (text.length() > maxLength) {
            throw new BadRequestException(name, name + " is " + text.length() + " characters long; at most "
                    + maxLength);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new BadRequestException(name, name + " must not contain control characters");
        }
        return text;
    }

    /** A required text field. */
    public static String requiredText(Map<String, Object> request, String name, int maxLength) {
        String text = text(request, name, maxLength);
        if (text == null || text.isBlank()) {
            throw new BadRequestException(name, name + " is required");
        }
        return text;
    }

    /** A required mapping field whose keys are strings (a strategy's config). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapping(Map<String, Object> request, String name) {
        Object value = request.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadRequestException(name, name + " must be an object of the strategy's keys, not "
                    + (value == null ? "missing" : typeOf(value)));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new BadRequestException(name, name + " keys must be strings, not " + key);
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
            throw new BadRequestException(name, name + " must be true or false, not " + typeOf(value));
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

    /** How deep {@code [} and {@code {} nest outside quoted strings (the parser recurses once per level). */
    static int flowDepth(String body) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }
}

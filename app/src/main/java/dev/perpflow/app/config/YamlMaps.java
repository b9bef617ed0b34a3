package dev.perpflow.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * The one YAML reader of the application, for everything a user writes as a mapping of keys to values: request
 * bodies (JSON is YAML), strategy configs sent from Telegram, and strategy config files. It reads data only (YAML
 * 1.2 core schema, nothing evaluated), refuses a repeated key, more than 10 aliases, more than
 * {@value #MAX_DEPTH} nested levels or text over its size limit, and says what is wrong in one line.
 */
public final class YamlMaps {

    /** Deepest nesting of {@code [ ]} / <code>{ }</code> accepted. */
    public static final int MAX_DEPTH = 32;

    /** Text that is not a mapping of string keys to values; the message says why, in one line. */
    public static final class NotAMapping extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final boolean unreadable;

        NotAMapping(String message) {
            this(message, false);
        }

        NotAMapping(String message, boolean unreadable) {
            super(message);
            this.unreadable = unreadable;
        }

        /** True when the text is not valid YAML (or JSON) at all, false when it is valid but not a mapping. */
        public boolean unreadable() {
            return unreadable;
        }
    }

    private YamlMaps() {
    }

    /** {@code text} as a mapping; blank text is an empty mapping. */
    public static Map<String, Object> parse(String text, int maxCharacters) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        if (text.length() > maxCharacters) {
            throw new NotAMapping("the text is " + text.length() + " characters long; at most " + maxCharacters);
        }
        int depth = flowDepth(text);
        if (depth > MAX_DEPTH) {
            throw new NotAMapping("it nests " + depth + " levels deep; at most " + MAX_DEPTH);
        }
        Object parsed;
        try {
            parsed = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                    .setCodePointLimit(Math.max(maxCharacters, 1)).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            throw new NotAMapping(e.getProblem() + e.getProblemMark().map(mark -> " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)).orElse(""), true);
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new NotAMapping(message.lines().findFirst().orElse("").strip(), true);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new NotAMapping("it must be a mapping of keys to values (key: value lines or a JSON object)");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new NotAMapping("keys must be strings, not " + entry.getKey());
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    /** A config file as a mapping; a missing or unreadable file, or one that is not a mapping, says which file. */
    public static Map<String, Object> read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new NotAMapping(what + " " + file + " not found");
        }
        try {
            return parse(Files.readString(file), 1_048_576);
        } catch (IOException e) {
            throw new NotAMapping(what + " " + file + " cannot be read: " + e.getMessage());
        } catch (NotAMapping e) {
            throw new NotAMapping(what + " " + file + ": " + e.getMessage());
        }
    }

    /** How deep flow collections nest, counted before parsing so a deep document never reaches the parser. */
    static int flowDepth(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

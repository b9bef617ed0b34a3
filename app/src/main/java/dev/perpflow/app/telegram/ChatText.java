package dev.perpflow.app.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for Telegram's (legacy) Markdown: dynamic values are escaped so a symbol like {@code 1000_BONK} or a config
 * error with {@code *} cannot break the message, and long replies are split under Telegram's 4096-character limit
 * at line boundaries (never between an escape and what it escapes).
 */
public final class ChatText {

    public static final int LIMIT = 4096;

    private ChatText() {
    }

    /** Escapes Markdown's special characters in a value. */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '_' || c == '*' || c == '`' || c == '[') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** {@code text} cut to at most {@code max} characters, saying how much was left out. */
    public static String capped(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + " … (" + (text.length() - max) + " more characters)";
    }

    /** Splits a message into parts of at most {@code limit} characters, preferring line boundaries. */
    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > limit) {
                flush(parts, current);
                int cut = limit;
                if (rest.charAt(cut - 1) == '\\') {
                    cut--; // keep an escape with the character it escapes
                }
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            int needed = (current.length() == 0 ? 0 : 1) + rest.length();
            if (current.length() + needed > limit) {
                flush(parts, current);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(rest);
        }
        flush(parts, current);
        return parts.isEmpty() ? List.of("") : parts;
    }

    private static void flush(List<String> parts, StringBuilder current) {
        if (current.length() > 0) {
            parts.add(current.toString());
            current.setLength(0);
        }
    }
}

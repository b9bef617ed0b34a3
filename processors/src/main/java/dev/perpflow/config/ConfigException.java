package dev.perpflow.config;

import java.util.List;

/** A strategy config with problems; the message has one line per bad key. */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String kind, List<String> problems) {
        super("invalid " + kind + " config:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

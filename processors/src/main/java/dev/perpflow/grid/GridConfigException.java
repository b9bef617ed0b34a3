package dev.perpflow.grid;

import java.util.List;

/** A grid config with problems; the message has one line per bad key. */
public class GridConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public GridConfigException(List<String> problems) {
        super("invalid grid config:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

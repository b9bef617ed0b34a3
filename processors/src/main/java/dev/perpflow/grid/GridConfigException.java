package dev.perpflow.grid;

import dev.perpflow.config.ConfigException;
import java.util.List;

/** A grid config with problems; the message has one line per bad key. */
public class GridConfigException extends ConfigException {

    private static final long serialVersionUID = 1L;

    public GridConfigException(List<String> problems) {
        super("grid", problems);
    }
}

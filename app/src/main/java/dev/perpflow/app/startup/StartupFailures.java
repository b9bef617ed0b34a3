package dev.perpflow.app.startup;

import java.net.BindException;

/** Turns whatever stopped startup into one line a user can act on. */
public final class StartupFailures {

    private StartupFailures() {
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupException) {
                return t.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return "the API port could not be bound (" + t.getMessage() + "): choose another with "
                        + "perpflow.http.port (PERPFLOW_HTTP_PORT)";
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains(".yaml") || message.contains(".yml")) {
                return "a route file could not be loaded: " + firstLine(message)
                        + " (fix the YAML in routes/ or set perpflow.routes-dir)";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + ": " + firstLine(String.valueOf(failure.getMessage()))
                + (root != failure ? " (cause: " + firstLine(String.valueOf(root.getMessage())) + ")" : "");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

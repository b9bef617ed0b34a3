package dev.perpflow.app.startup;

/**
 * A startup failure the user can fix: the message names the file, key or port concerned and what to do.
 * The application prints it as one line instead of a stack trace.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

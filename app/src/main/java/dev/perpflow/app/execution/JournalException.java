package dev.perpflow.app.execution;

/** The journal could not be read or written; the order must not be sent (or its outcome is not yet recorded). */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}

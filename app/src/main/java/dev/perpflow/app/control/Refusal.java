package dev.perpflow.app.control;

import java.util.Locale;

/**
 * A request the application refuses, and why, in the words of the domain rather than of HTTP: the REST API turns
 * the {@link Kind} into a status code (404, 403, 400, 409, 429, 503), Telegram shows the message. Thrown by the
 * control service, by everything it calls (accounts, runs, configs) and by the REST layer's parameter checks, never
 * for internal faults, whose details must not reach a caller.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request is refused. */
    public enum Kind {
        /** The run, position, account or config does not exist. */
        NOT_FOUND,
        /** It exists but belongs to another user, or needs an admin. */
        FORBIDDEN,
        /** The request itself is wrong (a bad config, a missing account name). */
        INVALID,
        /** The object is not in a state that allows it (a position already closing). */
        CONFLICT,
        /** A safety limit refuses it now (too many runs). */
        LIMITED,
        /** Something it needs is not there now (the run holding a position is not running). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    private Refusal(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field;
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, null, message, null);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, null, message, null);
    }

    /** A bad value of the request's {@code field}. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message, null);
    }

    /** A bad value of the request's {@code field}, found by a validator that threw {@code cause}. */
    public static Refusal invalid(String field, Throwable cause) {
        return new Refusal(Kind.INVALID, field, String.valueOf(cause.getMessage()), cause);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, null, message, null);
    }

    public static Refusal limited(String message) {
        return new Refusal(Kind.LIMITED, null, message, null);
    }

    public static Refusal unavailable(String message) {
        return new Refusal(Kind.UNAVAILABLE, null, message, null);
    }

    /** A run that belongs to an account the caller may not use. */
    public static Refusal runOfAnotherUser(String runId) {
        return forbidden("strategy run '" + runId + "' belongs to another user's account");
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#INVALID}; otherwise null. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return "Refusal[" + kind.name().toLowerCase(Locale.ROOT) + "]: " + getMessage();
    }
}

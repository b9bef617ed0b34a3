package dev.perpflow.testkit.paradex;

/** An error answer of the fake Paradex: HTTP status and Paradex's {@code error} code. */
final class ParadexFakeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    ParadexFakeError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

package dev.perpflow.testkit.edgex;

/** An error answer of the fake EdgeX: HTTP status (200 for most: EdgeX puts errors in its wrapper) and code. */
final class EdgexFakeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    EdgexFakeError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

package dev.perpflow.testkit.backpack;

/** A Backpack error answer of the fake: HTTP status and Backpack's {@code {"code","message"}} body. */
final class BackpackFakeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    BackpackFakeError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static BackpackFakeError badRequest(String message) {
        return new BackpackFakeError(400, "INVALID_CLIENT_REQUEST", message);
    }
}

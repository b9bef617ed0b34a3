package dev.perpflow.app.api;

/** The requested venue, symbol or record does not exist; becomes a 404 with the message. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public ApiResponse toResponse() {
        return ApiResponse.notFound(getMessage());
    }
}

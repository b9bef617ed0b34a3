package dev.perpflow.app.api;

/** A request parameter is invalid; becomes a 400 naming the parameter. */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BadRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public ApiResponse toResponse() {
        return ApiResponse.badRequest(parameter, getMessage());
    }
}

package dev.perpflow.app.api;

/** Ends a request with a given response (e.g. 503 when the run a request needs is not running). */
public class ApiResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    public ApiResponseException(ApiResponse response) {
        super(String.valueOf(response.body()));
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}

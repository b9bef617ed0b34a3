package dev.perpflow.app.api;

/** An API answer before serialization: the HTTP status and the JSON body (maps, lists, numbers, strings). */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }
}

package dev.perpflow.app.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API answer before serialization: the HTTP status and the JSON body (maps, lists, numbers, strings).
 * Errors use the seed's shape, {@code {"detail": "..."}}, plus the offending parameter for a 400.
 */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse notFound(String detail) {
        return new ApiResponse(404, Map.of("detail", detail));
    }

    public static ApiResponse badRequest(String parameter, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("parameter", parameter);
        return new ApiResponse(400, body);
    }
}

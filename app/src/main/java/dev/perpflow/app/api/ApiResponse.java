package dev.perpflow.app.api;

import java.util.Map;

/**
 * An API answer before serialization: the HTTP status and the JSON body (maps, lists, numbers, strings).
 * Errors use the seed's shape, {@code {"detail": "..."}}, plus the offending parameter for a 400.
 */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }
}

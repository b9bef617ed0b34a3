package dev.perpflow.component.edgex.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * EdgeX's wrapper around every answer: {@code {"code":"SUCCESS","data":...,"msg":null,"errorParam":...}}; any other
 * {@code code} is an error, with or without an HTTP error status.
 */
public record EdgexResponse<T>(String code, T data, String msg, JsonNode errorParam, Long requestTime,
        Long responseTime) {

    public static final String SUCCESS = "SUCCESS";

    public boolean ok() {
        return SUCCESS.equals(code);
    }
}

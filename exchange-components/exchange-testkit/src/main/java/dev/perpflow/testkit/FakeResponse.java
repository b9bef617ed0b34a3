package dev.perpflow.testkit;

import java.util.Map;

/** A fake venue's answer: status, extra headers and a (JSON) body. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
    }

    public static FakeResponse json(int status, String body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    public static FakeResponse ok(String body) {
        return json(200, body);
    }

    public FakeResponse withHeader(String name, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FakeResponse(status, copy, body);
    }
}

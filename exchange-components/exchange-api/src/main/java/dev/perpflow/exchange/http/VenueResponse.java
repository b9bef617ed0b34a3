package dev.perpflow.exchange.http;

import java.util.Map;
import java.util.Optional;

/** A venue's HTTP answer; header names are lower case. */
public record VenueResponse(int status, Map<String, String> headers, String body) {

    public VenueResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}

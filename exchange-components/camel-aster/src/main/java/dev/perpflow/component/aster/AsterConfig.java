package dev.perpflow.component.aster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Aster: REST and stream base URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}), optional credentials (public data needs none), the {@code recvWindow} sent with
 * signed requests and the timeout of one REST call.
 */
public record AsterConfig(String venue, URI restUrl, URI wsUrl, AsterCredentials credentials, Duration recvWindow,
        Duration requestTimeout) {

    public static final String PRODUCTION_REST_URL = "https://fapi.asterdex.com";
    public static final String PRODUCTION_WS_URL = "wss://fstream.asterdex.com";

    public AsterConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (recvWindow.isNegative() || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("aster: recvWindow must be 0..60000 ms, was " + recvWindow.toMillis());
        }
    }

    /** Production URLs, no credentials, 5 s receive window, 10 s request timeout. */
    public static AsterConfig production() {
        return of(URI.create(PRODUCTION_REST_URL), URI.create(PRODUCTION_WS_URL), null);
    }

    public static AsterConfig of(URI restUrl, URI wsUrl, AsterCredentials credentials) {
        return new AsterConfig("aster", restUrl, wsUrl, credentials, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public AsterConfig withCredentials(AsterCredentials newCredentials) {
        return new AsterConfig(venue, restUrl, wsUrl, newCredentials, recvWindow, requestTimeout);
    }

    public AsterConfig withRequestTimeout(Duration timeout) {
        return new AsterConfig(venue, restUrl, wsUrl, credentials, recvWindow, timeout);
    }

    public boolean hasCredentials() {
        return credentials != null;
    }
}

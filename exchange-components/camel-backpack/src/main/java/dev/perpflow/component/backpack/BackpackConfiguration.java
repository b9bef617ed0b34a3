package dev.perpflow.component.backpack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Backpack: REST and stream URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}; Backpack documents no public testnet, so there is no testnet switch), optional
 * credentials (public data needs none), the signature {@code window} (Backpack allows up to 60 s, its client sends
 * 5 s) and the timeout of one REST call.
 */
public record BackpackConfiguration(String venue, URI restUrl, URI wsUrl, BackpackCredentials credentials,
        Duration window, Duration requestTimeout) {

    public static final String PRODUCTION_REST_URL = "https://api.backpack.exchange";
    public static final String PRODUCTION_WS_URL = "wss://ws.backpack.exchange";
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public BackpackConfiguration {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (window.toMillis() < 1 || window.toMillis() > 60_000) {
            throw new IllegalArgumentException("backpack: window must be 1..60000 ms, was " + window.toMillis());
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("backpack: requestTimeout must be positive");
        }
    }

    /** Production URLs, no credentials, 5 s window, 10 s request timeout. */
    public static BackpackConfiguration production() {
        return of(URI.create(PRODUCTION_REST_URL), URI.create(PRODUCTION_WS_URL), null);
    }

    public static BackpackConfiguration of(URI restUrl, URI wsUrl, BackpackCredentials credentials) {
        return new BackpackConfiguration("backpack", restUrl, wsUrl, credentials, DEFAULT_WINDOW,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public BackpackConfiguration withCredentials(BackpackCredentials newCredentials) {
        return new BackpackConfiguration(venue, restUrl, wsUrl, newCredentials, window, requestTimeout);
    }

    public BackpackConfiguration withRequestTimeout(Duration timeout) {
        return new BackpackConfiguration(venue, restUrl, wsUrl, credentials, window, timeout);
    }

    public BackpackConfiguration withWindow(Duration newWindow) {
        return new BackpackConfiguration(venue, restUrl, wsUrl, credentials, newWindow, requestTimeout);
    }

    /** The same venue under another name (several accounts side by side). */
    public BackpackConfiguration withVenue(String name) {
        return new BackpackConfiguration(name, restUrl, wsUrl, credentials, window, requestTimeout);
    }

    public boolean hasCredentials() {
        return credentials != null;
    }
}

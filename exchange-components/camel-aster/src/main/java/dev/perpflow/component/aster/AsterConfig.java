package dev.perpflow.component.aster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Aster: REST and stream base URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}), the {@link AsterAuthMode} with its optional credentials (public data needs none):
 * V1 API key and secret, or a V3 API wallet; the {@code recvWindow} sent with V1 signed requests and the timeout of
 * one REST call.
 */
public record AsterConfig(String venue, URI restUrl, URI wsUrl, AsterCredentials credentials, Duration recvWindow,
        Duration requestTimeout, AsterAuthMode authMode, AsterApiWalletCredentials apiWallet) {

    public static final String PRODUCTION_REST_URL = "https://fapi.asterdex.com";
    public static final String PRODUCTION_WS_URL = "wss://fstream.asterdex.com";

    public AsterConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(authMode, "authMode");
        if (recvWindow.isNegative() || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("aster: recvWindow must be 0..60000 ms, was " + recvWindow.toMillis());
        }
        if (authMode == AsterAuthMode.HMAC_V1 && apiWallet != null) {
            throw new IllegalArgumentException("aster: API-wallet credentials need authMode API_WALLET_V3");
        }
        if (authMode == AsterAuthMode.API_WALLET_V3 && credentials != null) {
            throw new IllegalArgumentException("aster: an API key and secret need authMode HMAC_V1");
        }
    }

    /** V1 (HMAC) settings, as before the V3 mode existed. */
    public AsterConfig(String venue, URI restUrl, URI wsUrl, AsterCredentials credentials, Duration recvWindow,
            Duration requestTimeout) {
        this(venue, restUrl, wsUrl, credentials, recvWindow, requestTimeout, AsterAuthMode.HMAC_V1, null);
    }

    /** Production URLs, no credentials, 5 s receive window, 10 s request timeout. */
    public static AsterConfig production() {
        return of(URI.create(PRODUCTION_REST_URL), URI.create(PRODUCTION_WS_URL), null);
    }

    public static AsterConfig of(URI restUrl, URI wsUrl, AsterCredentials credentials) {
        return new AsterConfig("aster", restUrl, wsUrl, credentials, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** V3 mode: requests signed by the API wallet (EIP-712), {@code /fapi/v3} paths. */
    public static AsterConfig ofApiWallet(URI restUrl, URI wsUrl, AsterApiWalletCredentials apiWallet) {
        return of(restUrl, wsUrl, null).withApiWallet(apiWallet);
    }

    public AsterConfig withCredentials(AsterCredentials newCredentials) {
        return new AsterConfig(venue, restUrl, wsUrl, newCredentials, recvWindow, requestTimeout,
                AsterAuthMode.HMAC_V1, null);
    }

    /** Switches to {@link AsterAuthMode#API_WALLET_V3} with these credentials ({@code null}: public data only). */
    public AsterConfig withApiWallet(AsterApiWalletCredentials newApiWallet) {
        return new AsterConfig(venue, restUrl, wsUrl, null, recvWindow, requestTimeout, AsterAuthMode.API_WALLET_V3,
                newApiWallet);
    }

    public AsterConfig withRequestTimeout(Duration timeout) {
        return new AsterConfig(venue, restUrl, wsUrl, credentials, recvWindow, timeout, authMode, apiWallet);
    }

    /** Whether the auth mode's credentials are set (trading and account calls need them). */
    public boolean hasCredentials() {
        return authMode == AsterAuthMode.API_WALLET_V3 ? apiWallet != null : credentials != null;
    }
}

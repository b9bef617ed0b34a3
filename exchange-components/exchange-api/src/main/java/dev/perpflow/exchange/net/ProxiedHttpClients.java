package dev.perpflow.exchange.net;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds {@link HttpClient}s that send all their traffic through one {@link ProxyEndpoint}, with the settings of
 * {@link dev.perpflow.exchange.http.VenueHttpClient#defaultHttpClient} (HTTP/1.1, connect timeout, no redirects).
 *
 * <p>Every protocol goes through an in-process loopback bridge ({@link LoopbackProxyBridge}) rather than the JDK's
 * own proxy support: the JDK client cannot speak SOCKS at all, and for HTTP proxies it refuses Basic proxy auth on
 * {@code CONNECT} tunnels (all https/wss traffic) unless {@code jdk.http.auth.tunneling.disabledSchemes} is
 * cleared JVM-wide before its first use; the bridge sends the credentials itself, per client, so the app sets no
 * system property and installs no global {@link java.net.Authenticator}. One path for all protocols also lets an
 * account switch proxies under the same HttpClient.
 *
 * <p>Failures of the proxy reach callers as HTTP answers from the bridge: {@code 407} when the proxy refused (or
 * needs) credentials, {@code 502} when it is unreachable or could not reach the venue, with the masked proxy URL
 * and the cause in the body; through a tunnel the JDK reports {@code 407} as such and a {@code 502} as
 * {@code IOException: Tunnel failed, got: 502}. Neither is a {@link java.net.ConnectException}, so a
 * {@code VenueHttpClient} order submit that fails this way is reported as an unknown outcome (resolved by query).
 */
public final class ProxiedHttpClients {

    private ProxiedHttpClients() {
    }

    /** A client whose every connection goes through {@code proxy}; close it to stop its bridge. */
    public static ProxiedHttpClient open(ProxyEndpoint proxy, Duration connectTimeout) {
        LoopbackProxyBridge bridge = LoopbackProxyBridge.start(proxy, connectTimeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).proxy(ProxySelector.of(bridge.address())).build();
        return new ProxiedHttpClient(bridge, http);
    }
}

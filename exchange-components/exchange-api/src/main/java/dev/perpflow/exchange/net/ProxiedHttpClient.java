package dev.perpflow.exchange.net;

import java.net.http.HttpClient;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's {@link HttpClient} whose every connection (http, https, ws, wss) goes through the account's proxy,
 * with the loopback bridge that does the proxying. Hand {@link #httpClient()} to all of the account's venue clients
 * (REST and streams); {@link #switchTo} moves them all to another proxy without rebuilding anything. Closing it
 * stops the bridge, after which the HttpClient can no longer connect anywhere. Built by {@link ProxiedHttpClients}.
 */
public final class ProxiedHttpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedHttpClient.class);

    private final LoopbackProxyBridge bridge;
    private final HttpClient http;

    ProxiedHttpClient(LoopbackProxyBridge bridge, HttpClient http) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The client to give every venue client of the account. */
    public HttpClient httpClient() {
        return http;
    }

    /** The proxy new connections go through. */
    public ProxyEndpoint proxy() {
        return bridge.upstream();
    }

    /**
     * Sends new connections through {@code next} and closes every open one (streams reconnect by themselves, REST
     * calls in flight fail as a broken connection).
     */
    public void switchTo(ProxyEndpoint next) {
        ProxyEndpoint previous = bridge.upstream();
        bridge.switchTo(next);
        LOG.warn("traffic switched from proxy {} to {}", previous.describe(), next.describe());
    }

    /** Client connections open through the bridge now (tunnels and plain requests in flight). */
    public int openConnections() {
        return bridge.openConnections();
    }

    @Override
    public void close() {
        bridge.close();
    }

    @Override
    public String toString() {
        return "ProxiedHttpClient[" + bridge.upstream().describe() + "]";
    }
}

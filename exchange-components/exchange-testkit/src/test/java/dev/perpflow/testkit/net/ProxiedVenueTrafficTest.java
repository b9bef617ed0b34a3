package dev.perpflow.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.exchange.net.ProxiedHttpClient;
import dev.perpflow.exchange.net.ProxiedHttpClients;
import dev.perpflow.exchange.net.ProxyEndpoint;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A venue client's REST calls ({@link VenueHttpClient}) and streams ({@link StreamConnection}) on the HttpClient of
 * {@link ProxiedHttpClients}: through an authenticating HTTP proxy and an authenticating SOCKS5 proxy.
 */
class ProxiedVenueTrafficTest {

    static final String USER = "alice";
    static final String PASSWORD = "s3cr3t-pw";
    static final String WRONG_PASSWORD = "not-the-pw";

    /** The two fakes behind one face. */
    enum Kind {
        HTTP, SOCKS5;

        FakeProxyServer start() {
            return this == HTTP ? FakeHttpProxy.withBasicAuth(USER, PASSWORD) : FakeSocks5Proxy.withPassword(USER, PASSWORD);
        }

        ProxyEndpoint endpoint(FakeProxyServer proxy, String password) {
            ProxyEndpoint.Protocol protocol = this == HTTP ? ProxyEndpoint.Protocol.HTTP : ProxyEndpoint.Protocol.SOCKS5;
            return ProxyEndpoint.of(name().toLowerCase() + "-1", protocol, "127.0.0.1", proxy.port())
                    .withCredentials(USER, Secret.of(password));
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<VenueResponse> decoded = new AtomicReference<>();
    private final FakeVenueServer venue = FakeVenueServer.start("venue",
            request -> FakeResponse.ok("{\"pong\":\"" + request.path() + "\"}"),
            Map.of("/ws", new FakeWebSocketHandler() {
                @Override
                public void onText(FakeWebSocketSession session, String text) {
                    session.send("echo:" + text);
                }
            }));

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        venue.close();
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }

    private VenueHttpClient rest(ProxiedHttpClient client, URI baseUrl) {
        return new VenueHttpClient("venue", baseUrl, client.httpClient(), Duration.ofSeconds(5),
                RateLimiter.of("test", 100, Duration.ofSeconds(1)), (request, response) -> {
                    decoded.set(response);
                    return new ExchangeException("venue", "HTTP " + response.status());
                });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void restCallsReachTheVenueThroughTheProxyWithAuth(Kind kind) throws Exception {
        FakeProxyServer proxy = closeLater(kind.start());
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(kind.endpoint(proxy, PASSWORD), Duration.ofSeconds(2)));

        VenueResponse first = rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", "a=1"))
                .get(5, TimeUnit.SECONDS);
        VenueResponse second = rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/time", ""))
                .get(5, TimeUnit.SECONDS);

        assertThat(first.body()).isEqualTo("{\"pong\":\"/fapi/v1/ping\"}");
        assertThat(second.body()).isEqualTo("{\"pong\":\"/fapi/v1/time\"}");
        assertThat(proxy.targets()).hasSize(2).containsOnly("127.0.0.1:" + venue.port());
        assertThat(proxy.authFailures()).isZero();
        assertThat(venue.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("proxy-authorization")).isEmpty();
            assertThat(request.header("proxy-connection")).isEmpty();
        });
        assertThat(venue.requests().get(0).rawQuery()).isEqualTo("a=1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void streamsConnectThroughTheProxyWithAuth(Kind kind) throws Exception {
        FakeProxyServer proxy = closeLater(kind.start());
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(kind.endpoint(proxy, PASSWORD), Duration.ofSeconds(2)));
        RecordingHandler handler = new RecordingHandler(URI.create(venue.wsUrl() + "/ws/stream"));
        StreamConnection stream = closeLater(stream(client, handler));

        stream.start();

        assertThat(handler.connected.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
        stream.send("hello").get(5, TimeUnit.SECONDS);
        assertThat(handler.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("echo:hello");
        assertThat(venue.streamConnections()).isEqualTo(1);
        assertThat(proxy.targets()).containsExactly("127.0.0.1:" + venue.port());
        assertThat(client.openConnections()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWrongProxyPasswordFailsRestCallsWith407NamingTheMaskedProxy(Kind kind) {
        FakeProxyServer proxy = closeLater(kind.start());
        ProxyEndpoint endpoint = kind.endpoint(proxy, WRONG_PASSWORD);
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(endpoint, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", ""))
                .get(5, TimeUnit.SECONDS)).hasMessageContaining("HTTP 407");

        assertThat(decoded.get().status()).isEqualTo(407);
        if (kind == Kind.SOCKS5) { // an HTTP proxy's own 407 passes through as it answered it
            assertThat(decoded.get().body()).contains(endpoint.maskedUrl()).contains("rejected the username/password");
        }
        assertThat(decoded.get().body()).doesNotContain(WRONG_PASSWORD);
        assertThat(proxy.authFailures()).isPositive();
        assertThat(proxy.targets()).isEmpty();
        assertThat(venue.requests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWrongProxyPasswordFailsStreamsWith407(Kind kind) throws Exception {
        FakeProxyServer proxy = closeLater(kind.start());
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(kind.endpoint(proxy, WRONG_PASSWORD),
                Duration.ofSeconds(2)));
        RecordingHandler handler = new RecordingHandler(URI.create(venue.wsUrl() + "/ws/stream"));

        closeLater(stream(client, handler)).start();
        // StreamConnection reports only the exception class; the handshake itself carries the proxy's 407
        Throwable handshake = catchThrowable(() -> client.httpClient().newWebSocketBuilder()
                .buildAsync(URI.create(venue.wsUrl() + "/ws/stream"), new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS));

        assertThat(handler.disconnects.poll(5, TimeUnit.SECONDS)).contains("WebSocketHandshakeException");
        assertThat(handshake).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) handshake.getCause()).getResponse().statusCode()).isEqualTo(407);
        assertThat(proxy.authFailures()).isPositive();
        assertThat(venue.streamConnections()).isZero();
    }

    @Test
    void anUnreachableProxyFailsRestCallsAsVenueUnavailableNamingTheMaskedProxy() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        ProxyEndpoint endpoint = ProxyEndpoint.parse("dead", "socks5://alice:" + PASSWORD + "@127.0.0.1:" + deadPort);
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(endpoint, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", ""))
                .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("proxy dead (socks5://alice:***@127.0.0.1:" + deadPort + ") is unreachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void socks5LeavesNameResolutionToTheProxy() throws Exception {
        FakeSocks5Proxy proxy = closeLater(FakeSocks5Proxy.withPassword(USER, PASSWORD));
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(Kind.SOCKS5.endpoint(proxy, PASSWORD),
                Duration.ofSeconds(2)));

        rest(client, URI.create("http://localhost:" + venue.port())).send(VenueRequest.get("/fapi/v1/ping", ""))
                .get(5, TimeUnit.SECONDS);

        assertThat(proxy.targets()).containsExactly("localhost:" + venue.port());
    }

    @Test
    void aProxyWithoutAuthIsUsedWithoutCredentials() throws Exception {
        FakeHttpProxy proxy = closeLater(FakeHttpProxy.start());
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(ProxyEndpoint.parse("open", proxy.url()),
                Duration.ofSeconds(2)));

        VenueResponse response = rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", ""))
                .get(5, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(proxy.targets()).containsExactly("127.0.0.1:" + venue.port());
    }

    @Test
    void switchingProxiesMovesALiveStreamAndLaterCallsToTheNewProxy() throws Exception {
        FakeProxyServer first = closeLater(Kind.SOCKS5.start());
        FakeProxyServer second = closeLater(Kind.HTTP.start());
        ProxiedHttpClient client = closeLater(ProxiedHttpClients.open(Kind.SOCKS5.endpoint(first, PASSWORD),
                Duration.ofSeconds(2)));
        RecordingHandler handler = new RecordingHandler(URI.create(venue.wsUrl() + "/ws/stream"));
        StreamConnection stream = closeLater(stream(client, handler));
        stream.start();
        assertThat(handler.connected.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");

        client.switchTo(Kind.HTTP.endpoint(second, PASSWORD));

        assertThat(handler.disconnects.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(handler.connected.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
        rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", "")).get(5, TimeUnit.SECONDS);
        assertThat(venue.streamConnections()).isEqualTo(2);
        assertThat(first.targets()).hasSize(1);
        assertThat(second.targets()).hasSize(2).containsOnly("127.0.0.1:" + venue.port());
        assertThat(client.proxy().label()).isEqualTo("http-1");
    }

    @Test
    void closingTheClientStopsItsBridge() throws Exception {
        FakeHttpProxy proxy = closeLater(FakeHttpProxy.start());
        ProxiedHttpClient client = ProxiedHttpClients.open(ProxyEndpoint.parse("open", proxy.url()),
                Duration.ofSeconds(2));
        client.close();

        assertThatThrownBy(() -> rest(client, venue.baseUrl()).send(VenueRequest.get("/fapi/v1/ping", ""))
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(VenueUnavailableException.class);
        assertThat(proxy.connections()).isZero();
        assertThat(venue.requests()).isEmpty();
    }

    private StreamConnection stream(ProxiedHttpClient client, RecordingHandler handler) {
        return new StreamConnection("venue", client.httpClient(), handler, scheduler, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ZERO);
    }

    /** Records what the stream tells its handler. */
    static final class RecordingHandler implements StreamConnection.Handler {

        final LinkedBlockingQueue<String> connected = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
        private final URI uri;

        RecordingHandler(URI uri) {
            this.uri = uri;
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return CompletableFuture.completedFuture(uri);
        }

        @Override
        public void onConnected(StreamConnection connection) {
            connected.add("connected");
        }

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }
    }
}

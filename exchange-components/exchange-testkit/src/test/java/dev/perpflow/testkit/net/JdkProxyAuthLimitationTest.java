package dev.perpflow.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Why {@code ProxiedHttpClients} sends HTTP proxy credentials itself: the JDK client with a per-client
 * {@link Authenticator} answers a plain-HTTP 407 but, with the JDK's default
 * {@code jdk.http.auth.tunneling.disabledSchemes=Basic}, never answers one on a CONNECT tunnel (every https and wss
 * connection, and ws). Should this start failing, a JDK or JVM setting changed that default.
 */
class JdkProxyAuthLimitationTest {

    @Test
    void theJdkClientAnswersBasicProxyAuthForPlainRequestsButNotForTunnels() throws Exception {
        try (FakeHttpProxy proxy = FakeHttpProxy.withBasicAuth("alice", "pw");
                FakeVenueServer venue = FakeVenueServer.start("venue", request -> FakeResponse.ok("{}"),
                        Map.of("/ws", new FakeWebSocketHandler() {
                            @Override
                            public void onText(FakeWebSocketSession session, String text) {
                            }
                        }))) {
            HttpClient jdk = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
                    .authenticator(new Authenticator() {
                        @Override
                        protected PasswordAuthentication getPasswordAuthentication() {
                            return new PasswordAuthentication("alice", "pw".toCharArray());
                        }
                    }).build();

            HttpResponse<String> plain = jdk.send(HttpRequest.newBuilder(venue.baseUrl().resolve("/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Throwable tunnel = catchThrowable(() -> jdk.newWebSocketBuilder()
                    .buildAsync(URI.create(venue.wsUrl() + "/ws"), new WebSocket.Listener() { })
                    .get(5, TimeUnit.SECONDS));

            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(tunnel).hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) tunnel.getCause()).getResponse().statusCode()).isEqualTo(407);
            assertThat(venue.streamConnections()).isZero();
        }
    }
}

package dev.perpflow.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.http.RateLimiter;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.exchange.net.ProxiedHttpClient;
import dev.perpflow.exchange.net.ProxiedHttpClients;
import dev.perpflow.exchange.net.ProxyAssignment;
import dev.perpflow.exchange.net.ProxyEndpoint;
import dev.perpflow.exchange.net.ProxyEvent;
import dev.perpflow.exchange.net.ProxyHealthMonitor;
import dev.perpflow.exchange.net.ProxyProbe;
import dev.perpflow.exchange.net.ProxySelection;
import dev.perpflow.exchange.net.ProxyStatus;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import dev.perpflow.testkit.net.ProxiedVenueTrafficTest.RecordingHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health monitor against local fake proxies, one of which fails: rotation, the listener, masked events. */
class ProxyRotationTest {

    private static final String PASSWORD_A = "pw-of-proxy-a";
    private static final String PASSWORD_B = "pw-of-proxy-b";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FakeVenueServer venue = FakeVenueServer.start("venue",
            request -> FakeResponse.ok(request.path().equals("/ip") ? "203.0.113.7" : "{}"),
            Map.of("/ws", new FakeWebSocketHandler() {
                @Override
                public void onText(FakeWebSocketSession session, String text) {
                    session.send("echo:" + text);
                }
            }));
    private final FakeSocks5Proxy proxyA = FakeSocks5Proxy.withPassword("alice", PASSWORD_A);
    private final FakeHttpProxy proxyB = FakeHttpProxy.withBasicAuth("bob", PASSWORD_B);
    private final ProxyEndpoint endpointA = ProxyEndpoint.parse("a-socks", proxyA.url())
            .withCredentials("alice", Secret.of(PASSWORD_A));
    private final ProxyEndpoint endpointB = ProxyEndpoint.parse("b-http", proxyB.url())
            .withCredentials("bob", Secret.of(PASSWORD_B));
    private final List<ProxyEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Rotation> rotation = new CompletableFuture<>();
    private final ProxyProbe probe = ProxyProbe.httpGet(URI.create(venue.baseUrl() + "/ip"), Duration.ofSeconds(2));

    private record Rotation(ProxyEndpoint from, Optional<ProxyEndpoint> to, String reason) {
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        proxyA.close();
        proxyB.close();
        venue.close();
    }

    private ProxyHealthMonitor monitor(ProxySelection selection, ProxyHealthMonitor.Listener onRotation) {
        return new ProxyHealthMonitor("account-7", selection, probe, new ProxyHealthMonitor.Listener() {
            @Override
            public void onRotation(ProxyEndpoint from, Optional<ProxyEndpoint> to, String reason) {
                onRotation.onRotation(from, to, reason);
                rotation.complete(new Rotation(from, to, reason));
            }

            @Override
            public void onEvent(ProxyEvent event) {
                events.add(event);
            }
        }, scheduler, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(100), 3);
    }

    @Test
    void afterThreeFailedChecksTheAccountMovesFromTheFailingProxyToTheHealthyOne() throws Exception {
        ProxySelection selection = new ProxySelection(List.of(new ProxyAssignment(endpointA, 1, ProxyStatus.ACTIVE),
                new ProxyAssignment(endpointB, 2, ProxyStatus.ACTIVE)));
        ProxiedHttpClient client = ProxiedHttpClients.open(selection.current().orElseThrow(), Duration.ofSeconds(2));
        RecordingHandler handler = new RecordingHandler(URI.create(venue.wsUrl() + "/ws/book"));
        StreamConnection stream = new StreamConnection("venue", client.httpClient(), handler, scheduler,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO);
        ProxyHealthMonitor monitor = monitor(selection, (from, to, reason) -> client.switchTo(to.orElseThrow()));
        try (client; stream; monitor) {
            stream.start();
            assertThat(handler.connected.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
            monitor.start();
            awaitEvent(ProxyEvent.Type.HEALTHY);

            proxyA.failing(true); // the open stream tunnel lives on; new connections through A fail

            Rotation rotated = rotation.get(10, TimeUnit.SECONDS);
            assertThat(rotated.from()).isEqualTo(endpointA);
            assertThat(rotated.to()).contains(endpointB);
            assertThat(rotated.reason()).startsWith("3 consecutive health checks failed, last: GET "
                    + venue.baseUrl() + "/ip answered HTTP 502");
            assertThat(handler.connected.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
            VenueResponse ip = new VenueHttpClient("venue", venue.baseUrl(), client.httpClient(), Duration.ofSeconds(5),
                    RateLimiter.of("t", 10, Duration.ofSeconds(1)), (r, s) -> null)
                    .send(VenueRequest.get("/ip", "")).get(5, TimeUnit.SECONDS);
            assertThat(ip.body()).isEqualTo("203.0.113.7");
        }

        assertThat(selection.assignments()).extracting(ProxyAssignment::label, ProxyAssignment::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-socks", ProxyStatus.BURNED),
                        org.assertj.core.groups.Tuple.tuple("b-http", ProxyStatus.ACTIVE));
        int rotatedAt = indexOf(ProxyEvent.Type.ROTATED);
        assertThat(events.subList(rotatedAt - 3, rotatedAt)).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(ProxyEvent.Type.CHECK_FAILED);
            assertThat(e.proxy()).contains(endpointA);
        }).extracting(ProxyEvent::consecutiveFailures).containsExactly(1, 2, 3);
        assertThat(events.get(rotatedAt).describe()).isEqualTo("account-7: rotated from proxy a-socks ("
                + "socks5://alice:***@127.0.0.1:" + proxyA.port() + ") to proxy b-http (http://bob:***@127.0.0.1:"
                + proxyB.port() + "): " + rotation.get().reason());
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isEqualTo(NOW));
        assertThat(venue.streamConnections()).isEqualTo(2);
        assertThat(proxyB.targets()).contains("127.0.0.1:" + venue.port());
        assertThat(proxyA.connections()).isGreaterThanOrEqualTo(5); // stream + healthy check + 3 failed checks
    }

    @Test
    void everyEventAndLogLineMasksBothPasswords() throws Exception {
        proxyA.refusing(true);
        ProxySelection selection = new ProxySelection(List.of(new ProxyAssignment(endpointA, 1, ProxyStatus.ACTIVE),
                new ProxyAssignment(endpointB, 1, ProxyStatus.STANDBY)));
        ProxyHealthMonitor monitor = monitor(selection, (from, to, reason) -> { });

        for (int i = 0; i < 4; i++) {
            monitor.checkNow();
        }

        assertThat(events).extracting(ProxyEvent::type).containsExactly(ProxyEvent.Type.CHECK_FAILED,
                ProxyEvent.Type.CHECK_FAILED, ProxyEvent.Type.CHECK_FAILED, ProxyEvent.Type.ROTATED,
                ProxyEvent.Type.HEALTHY);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.describe() + e).doesNotContain(PASSWORD_A).doesNotContain(PASSWORD_B);
            assertThat(e.describe()).contains(":***@127.0.0.1:");
        });
        assertThat(events.get(4).detail()).isEqualTo("HTTP 200 203.0.113.7");
    }

    @Test
    void withNoProxyLeftTheListenerHearsThatTrafficMustStop() throws Exception {
        proxyA.refusing(true);
        ProxySelection selection = new ProxySelection(List.of(new ProxyAssignment(endpointA, 1, ProxyStatus.ACTIVE)));
        ProxyHealthMonitor monitor = monitor(selection, (from, to, reason) -> { });

        monitor.checkNow();
        monitor.checkNow();
        ProxyEvent third = monitor.checkNow();

        assertThat(third.type()).isEqualTo(ProxyEvent.Type.EXHAUSTED);
        assertThat(rotation.get(1, TimeUnit.SECONDS).to()).isEmpty();
        assertThat(selection.current()).isEmpty();
        assertThat(monitor.checkNow().type()).isEqualTo(ProxyEvent.Type.NO_PROXY);
        assertThat(proxyA.connections()).isEqualTo(3);
    }

    private void awaitEvent(ProxyEvent.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (indexOf(type) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(indexOf(type)).as("a %s event", type).isNotNegative();
    }

    private int indexOf(ProxyEvent.Type type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }
}

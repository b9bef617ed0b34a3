package dev.perpflow.testkit.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames sent back to back on a {@link StreamConnection} (a venue's subscribe messages, sent together once connected)
 * all reach the venue, in order. The JDK's WebSocket fails a send made while another is still being written
 * ({@code IllegalStateException: Send pending}, as a failed future), so the second subscribe of a connection was
 * lost whenever the first had not been written yet: under load, Hyperliquid's {@code userFills} and GRVT's
 * {@code v1.fill} and {@code v1.position}. Here frames large enough that each is still being written when the next
 * is sent.
 */
class StreamConnectionSendsInOrderTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final FakeVenueServer server = FakeVenueServer.start("sends", request -> null,
            Map.of("/ws", new FakeWebSocketHandler() {
                @Override
                public void onText(FakeWebSocketSession session, String text) {
                    received.add(text.substring(0, text.indexOf(',')));
                }
            }));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        server.close();
        scheduler.shutdownNow();
    }

    @Test
    void framesSentTogetherAllArriveInOrderEvenWhileEarlierOnesAreStillBeingWritten() throws InterruptedException {
        String pad = "x".repeat(900_000);
        List<String> frames = IntStream.range(0, 40).mapToObj(i -> "{\"n\":" + i + ",\"pad\":\"" + pad + "\"}").toList();
        List<CompletableFuture<Void>> sent = new CopyOnWriteArrayList<>();
        StreamConnection connection = StreamConnection.withDefaults("sends", HttpClient.newHttpClient(),
                new StreamConnection.Handler() {
                    @Override
                    public CompletableFuture<URI> endpoint() {
                        return CompletableFuture.completedFuture(URI.create(server.wsUrl() + "/ws"));
                    }

                    @Override
                    public void onConnected(StreamConnection c) {
                        frames.forEach(f -> sent.add(c.send(f)));
                    }

                    @Override
                    public void onText(String text) {
                    }

                    @Override
                    public void onDisconnected(String reason) {
                    }
                }, scheduler);
        try (connection) {
            connection.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < frames.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sent).allSatisfy(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(5)));
            assertThat(received).containsExactlyElementsOf(frames.stream()
                    .map(f -> f.substring(0, f.indexOf(','))).toList());
        }
    }
}

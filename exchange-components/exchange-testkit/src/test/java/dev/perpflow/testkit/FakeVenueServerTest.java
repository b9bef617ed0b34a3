package dev.perpflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeVenueServerTest {

    private final AtomicInteger handled = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private final FakeVenueServer server = FakeVenueServer.start("test", request -> {
        handled.incrementAndGet();
        return FakeResponse.ok("{\"path\":\"" + request.path() + "\",\"query\":\"" + request.rawQuery()
                + "\",\"body\":\"" + request.bodyText() + "\"}");
    }, Map.of("/ws", new FakeWebSocketHandler() {
        @Override
        public void onText(FakeWebSocketSession session, String text) {
            session.send("echo:" + text);
        }
    }));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passesTheExactQueryAndBodyToTheHandler() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/fapi/v1/order?a=1&b=x%20y"))
                .POST(HttpRequest.BodyPublishers.ofString("c=2")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"path\":\"/fapi/v1/order\",\"query\":\"a=1&b=x%20y\",\"body\":\"c=2\"}");
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.queryParameter("b")).contains("x y");
            assertThat(r.method()).isEqualTo("POST");
        });
    }

    @Test
    void aScriptedAnswerReplacesHandlingOnlyForMatchingRequests() throws Exception {
        server.faults().answerNext(1, FakeServerFaults.on("POST", "/order"),
                FakeResponse.json(429, "{}").withHeader("Retry-After", "3"));

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/order")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/order"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/order"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(post.statusCode()).isEqualTo(429);
        assertThat(post.headers().firstValue("Retry-After")).contains("3");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aWithheldResponseIsHandledButNeverAnswered() {
        server.faults().withholdResponseNext(FakeServerFaults.any());

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/order"))
                .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void streamsEchoAndCanBeDropped() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(server.wsUrl() + "/ws/key1"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);

        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo:hello");
        assertThat(server.openSessions()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("/ws/key1"));

        server.dropStreams();
        assertThat(closed.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.streamConnections()).isEqualTo(1);
    }

    @Test
    void refusedStreamsAnswer503() {
        server.refuseStreams(true);
        assertThatThrownBy(() -> client.newWebSocketBuilder().buildAsync(URI.create(server.wsUrl() + "/ws"),
                new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS)).rootCause().hasMessageContaining("503");
    }
}

package dev.perpflow.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live event feed with a real WebSocket client (the JDK's): authentication by header or first message, never
 * by URL; scope by account; heartbeats; a revoked key ends the feed; a client that does not read is dropped while
 * the others and the events relay go on.
 */
class EventFeedTest extends AppTestSupport {

    private static final String KEY = "event-feed-bootstrap-key-0123456789";

    private int wsPort;
    private String annKey;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", KEY);
        properties.setProperty("perpflow.ws.port", String.valueOf(wsPort()));
        properties.setProperty("perpflow.ws.heartbeat-seconds", "1");
        properties.setProperty("perpflow.ws.auth-timeout-seconds", "2");
        properties.setProperty("perpflow.ws.max-queued-kib", "4096");
        properties.setProperty("perpflow.events.relay-delay-millis", "100");
        return properties;
    }

    private int wsPort() {
        if (wsPort == 0) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                wsPort = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return wsPort;
    }

    @BeforeEach
    void annWithAnAccountAndAKey() {
        if (annKey != null) {
            return;
        }
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(dataSource(), clock);
        UserRepository.User ann = new UserRepository(dataSource(), clock).create("ann", false);
        new AccountRepository(dataSource(), audit, clock).create(ann, "main", null, "test");
        annKey = new ApiKeyRepository(dataSource(), audit, clock).create(ann, "feed", null, "test").key();
    }

    /** A connected client: the frames it received (JSON) and how it was closed. */
    static final class Client implements WebSocket.Listener {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final boolean reads;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Client(boolean reads) {
            this.reads = reads;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            this.socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            if (reads) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        List<JsonNode> ofType(String type) {
            return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
        }

        JsonNode await(String type) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(type).isEmpty());
            return ofType(type).get(0);
        }
    }

    private Client connect(String headerKey, boolean reads) throws Exception {
        Client client = new Client(reads);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (headerKey != null) {
            builder.header("X-API-Key", headerKey);
        }
        builder.buildAsync(URI.create("ws://127.0.0.1:" + wsPort + "/ws/events"), client).get(10, TimeUnit.SECONDS);
        return client;
    }

    @Test
    void anAdminAuthenticatedByHeaderGetsAWelcomeHeartbeatsAndEveryEvent() throws Exception {
        Client admin = connect(KEY, true);
        JsonNode welcome = admin.await("welcome");
        assertThat(welcome.get("admin").asBoolean()).isTrue();
        admin.await("heartbeat");

        String id = submit("default", "feed-admin-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.frames.stream().anyMatch(f ->
                "order_filled".equals(f.path("type").asText())
                        && id.equals(f.path("payload").path("client_order_id").asText())));
        JsonNode event = admin.ofType("order_submitted").stream()
                .filter(f -> id.equals(f.path("payload").path("client_order_id").asText())).findFirst().orElseThrow();
        assertThat(event.fieldNames()).toIterable().contains("id", "type", "time", "account", "run", "payload");
        assertThat(event.get("account").asText()).isEqualTo("default");
        admin.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aUserAuthenticatedByFirstMessageSeesOnlyTheirOwnAccountsAndMarketEvents() throws Exception {
        Client ann = connect(null, true);
        ann.socket.sendText("{\"type\":\"auth\",\"api_key\":\"" + annKey + "\"}", true).get(5, TimeUnit.SECONDS);
        JsonNode welcome = ann.await("welcome");
        assertThat(welcome.get("admin").asBoolean()).isFalse();
        assertThat(welcome.get("accounts")).extracting(JsonNode::asText).containsExactly("ann/main");

        String mine = submit("ann/main", "feed-ann-1");
        String notMine = submit("default", "feed-ann-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> ann.frames.stream().anyMatch(f ->
                "order_filled".equals(f.path("type").asText())
                        && mine.equals(f.path("payload").path("client_order_id").asText())));
        // an event of no account (market data, a global halt) is everyone's
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO domain_events (event_type, level, occurred_at, payload) VALUES ('feed_market', 'info', "
                        + "now(), '{}'::jsonb)")) {
            ps.executeUpdate();
        }
        ann.await("feed_market");
        Thread.sleep(1000); // the other account's events had time to arrive, had they been sent
        assertThat(ann.frames).noneMatch(f -> notMine.equals(f.path("payload").path("client_order_id").asText()));
        assertThat(ann.frames).filteredOn(f -> f.has("id") && !f.path("account").isNull())
                .allMatch(f -> f.get("account").asText().equals("ann/main"));
        ann.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aWrongKeyOrNoKeyInTimeClosesTheConnectionAndAKeyInTheUrlIsNotAccepted() throws Exception {
        Client wrong = connect("perp_0000000000000000000000000000000000000000", true);
        assertThat(wrong.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(wrong.ofType("error")).singleElement()
                .satisfies(e -> assertThat(e.get("detail").asText()).contains("invalid API key"));
        assertThat(wrong.frames).noneMatch(f -> f.has("id"));

        Client inUrl = new Client(true);
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + wsPort
                + "/ws/events?api_key=" + KEY + "&X-API-Key=" + KEY), inUrl).get(10, TimeUnit.SECONDS);
        assertThat(inUrl.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(inUrl.ofType("error")).singleElement()
                .satisfies(e -> assertThat(e.get("detail").asText()).contains("authenticate within"));
        assertThat(inUrl.frames).noneMatch(f -> f.has("id") || "welcome".equals(f.path("type").asText()));
    }

    @Test
    void aRevokedKeyEndsTheFeedAtTheNextHeartbeat() throws Exception {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(dataSource(), clock);
        UserRepository.User bob = new UserRepository(dataSource(), clock).create("bob", false);
        ApiKeyRepository keys = new ApiKeyRepository(dataSource(), audit, clock);
        ApiKeyRepository.Created key = keys.create(bob, "feed", null, "test");
        Client client = connect(key.key(), true);
        client.await("welcome");
        keys.revoke(String.valueOf(key.info().id()), "test");
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(client.ofType("error")).singleElement()
                .satisfies(e -> assertThat(e.get("detail").asText()).contains("revoked"));
    }

    @Test
    void aClientThatDoesNotReadIsDroppedWhileTheOthersAndTheRelayGoOn() throws Exception {
        EventFeed feed = context.getRegistry().lookupByNameAndType("eventFeed", EventFeed.class);
        Client slow = connect(KEY, false);
        Client fast = connect(KEY, true);
        fast.await("welcome");
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.connections().get(1) >= 2);
        int before = feed.connections().get(1);

        // 1,500 events of 20 KB each (30 MB): far more than what the slow client's socket buffers and a 4 MiB queue
        // hold, while a client that reads never falls 4 MiB behind (with 256 KiB, a reader on a busy machine was
        // dropped too)
        String filler = "x".repeat(20_000);
        int flood = 1_500;
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO domain_events (event_type, level, occurred_at, payload)
                SELECT 'feed_flood', 'info', ?, jsonb_build_object('n', n, 'filler', ?::text)
                FROM generate_series(1, ?) AS n""")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
            ps.setString(2, filler);
            ps.setInt(3, flood);
            ps.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(fast.ofType("feed_flood"))
                .as("flood events the reading client got (the slow one: %d, connections: %s)",
                        slow.ofType("feed_flood").size(), feed.connections())
                .hasSize(flood));
        assertThat(feed.connections().get(1)).isEqualTo(before - 1);
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM domain_events WHERE event_type = 'feed_flood' AND published_at IS NULL");
                var rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertThat(slow.ofType("feed_flood").size()).isLessThan(flood);
    }

    private String submit(String account, String clientOrderId) throws Exception {
        ExecutionCore core = account.equals("default")
                ? context.getRegistry().lookupByNameAndType("executionCore", ExecutionCore.class)
                : context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class).of(account)
                        .execution();
        core.gateway().submit(new OrderIntent("sim-a", OrderRequest.market(clientOrderId, "ETH", Side.BUY,
                new BigDecimal("0.01"), false), "test", new BigDecimal("3000"), BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        return clientOrderId;
    }
}

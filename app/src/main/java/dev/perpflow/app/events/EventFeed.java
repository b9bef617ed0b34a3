package dev.perpflow.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.accounts.AccountAccess;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.json.Json;
import dev.perpflow.app.security.FailedAttempts;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event feed behind {@code ws://<perpflow.ws.host>:<perpflow.ws.port>/ws/events} (routes/event-feed.camel.yaml):
 * every published event a connection's caller may see, as the JSON the events relay publishes.
 *
 * <ul>
 *   <li>Authentication without the key in the URL: the {@code X-API-Key} or {@code Authorization: Bearer} header of
 *   the upgrade request, or a first message {@code {"api_key": "..."}} within {@link #authTimeout}. A wrong key
 *   closes the connection (1008); failed attempts are limited per client address like the REST API's.</li>
 *   <li>Scope: admins see every event; a user sees events of the accounts they own and events of no account
 *   (market data, global halts). The key is checked again at every heartbeat: revoked or expired, the feed ends.</li>
 *   <li>Heartbeat: {@code {"type":"heartbeat","time":...}} every {@code perpflow.ws.heartbeat-seconds}.</li>
 *   <li>Slow consumers: each connection may have {@code perpflow.ws.max-queued-kib} of unsent data; a connection
 *   over it is closed (1013, "too slow") and skipped from then on, never waited for.</li>
 * </ul>
 */
public class EventFeed {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    static final short POLICY_VIOLATION = 1008;
    static final short TRY_AGAIN_LATER = 1013;

    /** One open connection: its socket, and once authenticated who it is and the accounts it may see. */
    private static final class Session {
        final ServerWebSocket socket;
        final String client;
        final Instant openedAt;
        volatile Principal principal;
        volatile Set<String> accounts = Set.of();

        Session(ServerWebSocket socket, String client, Instant openedAt) {
            this.socket = socket;
            this.client = client;
            this.openedAt = openedAt;
        }
    }

    private final ApiKeyCheck keys;
    private final AccountAccess access;
    private final FailedAttempts failures;
    private final int maxQueuedBytes;
    private final Duration authTimeout;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public EventFeed(ApiKeyCheck keys, AccountAccess access, FailedAttempts failures, int maxQueuedBytes,
            Duration authTimeout, Clock clock) {
        this.keys = keys;
        this.access = access;
        this.failures = failures;
        this.maxQueuedBytes = maxQueuedBytes;
        this.authTimeout = authTimeout;
        this.clock = clock;
    }

    /** Route step ({@code event-feed-connections}): a connection opened, sent a message, or closed. */
    public void onSocketEvent(Exchange exchange) {
        Message message = exchange.getMessage();
        String key = message.getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
        VertxWebsocketEvent event = message.getHeader(VertxWebsocketConstants.EVENT, VertxWebsocketEvent.class);
        if (key == null || event == null) {
            return;
        }
        switch (event) {
            case OPEN -> open(key, message.getBody(ServerWebSocket.class));
            case MESSAGE -> received(key, message.getBody(String.class));
            case CLOSE, ERROR -> sessions.remove(key);
            default -> { }
        }
    }

    private void open(String key, ServerWebSocket socket) {
        if (socket == null) {
            return;
        }
        socket.setWriteQueueMaxSize(maxQueuedBytes);
        Session session = new Session(socket, socket.remoteAddress() == null ? "unknown"
                : socket.remoteAddress().host(), clock.instant());
        sessions.put(key, session);
        String presented = socket.headers().get("X-API-Key");
        String authorization = socket.headers().get("Authorization");
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        if (presented != null) {
            authenticate(key, session, presented);
        }
    }

    private void received(String key, String text) {
        Session session = sessions.get(key);
        if (session == null || text == null) {
            return;
        }
        if (session.principal != null) {
            return; // the feed is one-way once authenticated
        }
        String presented = null;
        try {
            JsonNode node = Json.mapper().readTree(text);
            presented = node.path("api_key").asText(null);
        } catch (Exception e) {
            // not JSON: refused below
        }
        if (presented == null) {
            refuse(key, session, "the first message must be {\"api_key\": \"...\"} (or send the X-API-Key header)");
            return;
        }
        authenticate(key, session, presented);
    }

    private void authenticate(String key, Session session, String presented) {
        Optional<Duration> blocked = failures.blockedFor(session.client);
        if (blocked.isPresent()) {
            refuse(key, session, "too many failed API-key attempts from " + session.client + "; retry in "
                    + Math.max(1, blocked.get().toSeconds()) + " s");
            return;
        }
        Optional<Principal> principal;
        try {
            principal = keys.authenticate(presented);
        } catch (RuntimeException e) {
            LOG.warn("Event feed: key check failed for {}: {}", session.client, e.getMessage());
            refuse(key, session, "the key could not be checked now; try again");
            return;
        }
        if (principal.isEmpty()) {
            failures.failed(session.client);
            LOG.warn("Event feed: refused an invalid API key from {}", session.client);
            refuse(key, session, "invalid API key (revoked, expired or unknown)");
            return;
        }
        session.principal = principal.get();
        session.accounts = Set.copyOf(access.accessibleNames(principal.get()));
        ObjectNode welcome = Json.mapper().createObjectNode().put("type", "welcome")
                .put("user", principal.get().username()).put("admin", principal.get().admin())
                .put("time", clock.instant().toString());
        welcome.putArray("accounts").addAll(session.accounts.stream().sorted()
                .map(a -> Json.mapper().getNodeFactory().textNode(a)).toList());
        send(key, session, welcome.toString());
        LOG.info("Event feed: {} connected from {}", principal.get().username(), session.client);
    }

    /** Route step ({@code event-feed}): one published event (its JSON body) to every connection that may see it. */
    public void publish(Exchange exchange) {
        String json = exchange.getMessage().getBody(String.class);
        String account = exchange.getMessage().getHeader(EventMessages.ACCOUNT, String.class);
        sessions.forEach((key, session) -> {
            Principal caller = session.principal;
            if (caller != null && (account == null || caller.admin() || session.accounts.contains(account))) {
                send(key, session, json);
            }
        });
    }

    /**
     * Timer step: a heartbeat to every authenticated connection (its key checked again first), and connections
     * that did not authenticate in time are closed.
     */
    public void heartbeat() {
        Instant now = clock.instant();
        String beat = Json.mapper().createObjectNode().put("type", "heartbeat").put("time", now.toString()).toString();
        sessions.forEach((key, session) -> {
            Principal caller = session.principal;
            if (caller == null) {
                if (now.isAfter(session.openedAt.plus(authTimeout))) {
                    refuse(key, session, "authenticate within " + authTimeout.toSeconds() + " s");
                }
                return;
            }
            if (!keys.isLinkLive(caller.keyId(), caller.isBootstrap() ? keys.bootstrapFingerprint() : null)) {
                refuse(key, session, "the API key was revoked or has expired");
                return;
            }
            if (!caller.admin()) {
                session.accounts = Set.copyOf(access.accessibleNames(caller));
            }
            send(key, session, beat);
        });
    }

    /** How many connections are open, and how many of them authenticated (for health and tests). */
    public List<Integer> connections() {
        int authenticated = (int) sessions.values().stream().filter(s -> s.principal != null).count();
        return List.of(sessions.size(), authenticated);
    }

    private void send(String key, Session session, String json) {
        if (session.socket.writeQueueFull()) {
            sessions.remove(key);
            LOG.warn("Event feed: {} from {} reads too slowly ({} KiB unsent); disconnected",
                    session.principal == null ? "a client" : session.principal.username(), session.client,
                    maxQueuedBytes / 1024);
            close(session, TRY_AGAIN_LATER, "too slow: events were not read");
            return;
        }
        try {
            session.socket.writeTextMessage(json);
        } catch (RuntimeException e) {
            sessions.remove(key);
            LOG.debug("Event feed: write to {} failed ({}); dropped", session.client, e.getMessage());
        }
    }

    private void refuse(String key, Session session, String why) {
        sessions.remove(key);
        try {
            session.socket.writeTextMessage(Json.mapper().createObjectNode().put("type", "error").put("detail", why)
                    .toString());
        } catch (RuntimeException e) {
            // closing anyway
        }
        close(session, POLICY_VIOLATION, why);
    }

    private static void close(Session session, short status, String reason) {
        try {
            // a close reason is at most 123 bytes
            session.socket.close(status, reason.length() > 100 ? reason.substring(0, 100) : reason);
        } catch (RuntimeException e) {
            LOG.debug("Event feed: close failed: {}", e.getMessage());
        }
    }
}

package dev.perpflow.component.backpack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.stream.StreamConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local book for one Backpack market: {@code depth.<symbol>} updates (subscribed after connecting) with first and
 * last ids {@code U}/{@code u} over an {@code /api/v1/depth} snapshot ({@code lastUpdateId}); updates ending at or
 * before the snapshot are dropped, the first used covers {@code lastUpdateId + 1}, and each next one must start at
 * the previous {@code u} plus one. The procedure itself is {@link DiffBookStream}'s.
 */
final class BackpackBookStream extends DiffBookStream {

    private static final Logger LOG = LoggerFactory.getLogger(BackpackBookStream.class);

    private final BackpackExchangeClient client;
    private volatile String venueSymbol;

    BackpackBookStream(BackpackExchangeClient client, String symbol, BookListener listener, HttpClient http,
            ScheduledExecutorService scheduler) {
        super(client.venue(), symbol, listener, http, scheduler);
        this.client = client;
    }

    @Override
    protected CompletableFuture<URI> streamUri() {
        return client.instrument(symbol()).thenApply(instrument -> {
            venueSymbol = instrument.venueSymbol();
            return client.config().wsUrl();
        });
    }

    @Override
    protected void subscribe(StreamConnection connection) {
        connection.send(client.mapper().createObjectNode().put("method", "SUBSCRIBE")
                .set("params", client.mapper().createArrayNode().add("depth." + venueSymbol)).toString());
    }

    @Override
    protected Update parse(String text) {
        JsonNode message;
        try {
            message = client.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (message.has("error")) {
            LOG.warn("{} book {}: the venue refused the subscription: {}", client.venue(), symbol(),
                    message.path("error"));
            return null;
        }
        JsonNode event = message.path("data");
        if (!"depth".equals(event.path("e").asText())
                || !("depth." + venueSymbol).equals(message.path("stream").asText())) {
            return null;
        }
        return new Update(client.json().updateId(event, "U"), client.json().updateId(event, "u"), 0,
                client.json().levels(event.path("b"), Integer.MAX_VALUE, true),
                client.json().levels(event.path("a"), Integer.MAX_VALUE, false),
                event.hasNonNull("T") ? client.json().micros(event, "T") : Instant.now());
    }

    @Override
    protected CompletableFuture<Snapshot> snapshot() {
        return client.depthSnapshot(venueSymbol).thenApply(node -> new Snapshot(
                client.json().levels(node.path("bids"), Integer.MAX_VALUE, true),
                client.json().levels(node.path("asks"), Integer.MAX_VALUE, false),
                client.json().updateId(node, "lastUpdateId")));
    }

    @Override
    protected Start startsAfter(long snapshotId, Update update) {
        if (update.last() <= snapshotId) {
            return Start.ALREADY_IN_SNAPSHOT;
        }
        return update.first() > snapshotId + 1 ? Start.GAP : Start.CONTINUES;
    }

    @Override
    protected boolean follows(long appliedId, Update update) {
        return update.first() == appliedId + 1;
    }
}

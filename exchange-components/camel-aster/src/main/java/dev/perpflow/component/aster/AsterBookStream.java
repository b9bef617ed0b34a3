package dev.perpflow.component.aster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A local book for one Aster market, kept as the venue documents ("How to manage a local order book correctly"):
 * {@code <symbol>@depth@100ms} updates with {@code U}/{@code u}/{@code pu} ids over a {@code depth?limit=1000}
 * snapshot; the first update used is the one spanning the snapshot's {@code lastUpdateId} (or whose {@code pu} is
 * it, when the snapshot ends exactly between two updates), each next one must have {@code pu} = the previous
 * {@code u}. The procedure itself is {@link DiffBookStream}'s.
 */
final class AsterBookStream extends DiffBookStream {

    private static final int SNAPSHOT_LIMIT = 1000;

    private final AsterExchangeClient client;
    private volatile String venueSymbol;

    AsterBookStream(AsterExchangeClient client, String symbol, BookListener listener, HttpClient http,
            ScheduledExecutorService scheduler) {
        super(client.venue(), symbol, listener, http, scheduler);
        this.client = client;
    }

    @Override
    protected CompletableFuture<URI> streamUri() {
        return client.instrument(symbol()).thenApply(instrument -> {
            venueSymbol = instrument.venueSymbol();
            return URI.create(client.config().wsUrl() + "/ws/" + venueSymbol.toLowerCase(Locale.ROOT)
                    + "@depth@100ms");
        });
    }

    @Override
    protected Update parse(String message) {
        JsonNode event;
        try {
            event = client.mapper().readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (!"depthUpdate".equals(event.path("e").asText())) {
            return null;
        }
        return new Update(event.path("U").asLong(), event.path("u").asLong(), event.path("pu").asLong(),
                AsterJson.levels(event.path("b"), Integer.MAX_VALUE), AsterJson.levels(event.path("a"), Integer.MAX_VALUE),
                event.has("E") ? Instant.ofEpochMilli(event.path("E").asLong()) : Instant.now());
    }

    @Override
    protected CompletableFuture<Snapshot> snapshot() {
        return client.depthSnapshot(venueSymbol, SNAPSHOT_LIMIT).thenApply(node -> new Snapshot(
                AsterJson.levels(node.path("bids"), Integer.MAX_VALUE),
                AsterJson.levels(node.path("asks"), Integer.MAX_VALUE), node.path("lastUpdateId").asLong()));
    }

    @Override
    protected Start startsAfter(long snapshotId, Update update) {
        if (update.last() < snapshotId) {
            return Start.ALREADY_IN_SNAPSHOT;
        }
        boolean spansSnapshot = update.first() <= snapshotId && snapshotId <= update.last();
        return spansSnapshot || update.previous() == snapshotId ? Start.CONTINUES : Start.GAP;
    }

    @Override
    protected boolean follows(long appliedId, Update update) {
        return update.previous() == appliedId;
    }
}

package dev.perpflow.app.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.risk.TradingState;
import dev.perpflow.risk.TradingStateStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trading states kept twice: in a local file of the data dir (written and synced before {@code save} returns) and
 * in the {@code trading_states} table (written in the background, retried until the database takes it). A halt
 * therefore never waits for the database, holds while it is unreachable, and survives a restart in between; on
 * load the newer record of each scope wins and the database is brought up to date.
 */
public final class DurableTradingStateStore implements TradingStateStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableTradingStateStore.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Path file;
    private final Map<String, Saved> unsynced = new LinkedHashMap<>();
    private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "trading-state-sync");
        thread.setDaemon(true);
        return thread;
    });

    /** @param file where the local copy lives, e.g. {@code <data-dir>/trading-states.json} */
    public DurableTradingStateStore(DataSource dataSource, Path file) {
        this.dataSource = dataSource;
        this.file = file;
    }

    @Override
    public synchronized Map<String, Saved> loadAll() {
        Map<String, Saved> fromFile = readFile();
        Map<String, Saved> fromDatabase = readDatabase();
        Map<String, Saved> merged = new HashMap<>(fromDatabase);
        fromFile.forEach((scope, saved) -> {
            Saved other = merged.get(scope);
            if (other == null || saved.at().isAfter(other.at())) {
                merged.put(scope, saved);
                if (other == null || other.state() != saved.state()) {
                    LOG.warn("Trading state of {} taken from the local copy ({} since {}): the database had {}",
                            scope, saved.state(), saved.at(), other == null ? "none" : other.state());
                    unsynced.put(scope, saved);
                }
            }
        });
        if (!unsynced.isEmpty()) {
            syncer.execute(this::sync);
        }
        return merged;
    }

    @Override
    public synchronized void save(String scope, Saved saved) {
        try {
            Map<String, Saved> all = readFile();
            all.put(scope, saved);
            writeFile(all);
        } catch (RuntimeException e) {
            LOG.error("The local copy of the trading state could not be written ({}); writing the database directly",
                    e.getMessage());
            write(scope, saved);    // throws when neither took it
            return;
        }
        unsynced.put(scope, saved);
        syncer.execute(this::sync);
    }

    /** Writes pending states to the database; retried until it answers. */
    private void sync() {
        Map<String, Saved> pending;
        synchronized (this) {
            pending = new LinkedHashMap<>(unsynced);
        }
        for (Iterator<Map.Entry<String, Saved>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Saved> entry = it.next();
            try {
                write(entry.getKey(), entry.getValue());
                synchronized (this) {
                    unsynced.remove(entry.getKey(), entry.getValue());
                }
            } catch (RuntimeException e) {
                LOG.warn("Trading state of {} not in the database yet ({}); retrying in {} s", entry.getKey(),
                        e.getMessage(), RETRY.toSeconds());
                if (!syncer.isShutdown()) {
                    syncer.schedule(this::sync, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
    }

    /** Whether every saved state reached the database (for tests and health). */
    public synchronized boolean synced() {
        return unsynced.isEmpty();
    }

    private void write(String scope, Saved saved) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO trading_states (scope, state, reason, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                    updated_at = excluded.updated_at
                WHERE trading_states.updated_at <= excluded.updated_at""")) {
            ps.setString(1, scope);
            ps.setString(2, saved.state().name());
            ps.setString(3, saved.reason());
            ps.setTimestamp(4, Timestamp.from(saved.at()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("could not save the trading state of " + scope, e);
        }
    }

    private Map<String, Saved> readDatabase() {
        Map<String, Saved> states = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT scope, state, reason, updated_at FROM trading_states");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), new Saved(TradingState.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
            return states;
        } catch (SQLException e) {
            throw new JournalException("could not read the trading states", e);
        }
    }

    private Map<String, Saved> readFile() {
        Map<String, Saved> states = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return states;
        }
        try {
            JSON.readTree(file.toFile()).fields().forEachRemaining(e -> states.put(e.getKey(), new Saved(
                    TradingState.valueOf(e.getValue().path("state").asText()), e.getValue().path("reason").asText(null),
                    Instant.parse(e.getValue().path("at").asText()))));
            return states;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the local trading state " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Writes to a temporary file, syncs it to disk, then moves it over the old one in one step. */
    private void writeFile(Map<String, Saved> states) {
        ObjectNode root = JSON.createObjectNode();
        states.forEach((scope, saved) -> root.putObject(scope).put("state", saved.state().name())
                .put("reason", saved.reason()).put("at", saved.at().toString()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        syncer.shutdownNow();
    }
}

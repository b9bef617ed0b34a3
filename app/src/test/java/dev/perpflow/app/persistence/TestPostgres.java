package dev.perpflow.app.persistence;

import dev.perpflow.app.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per test JVM, started (through the application's own {@link EmbeddedPostgresServer}, so
 * with its settings and password authentication) when a test first asks for a database, and stopped by a shutdown
 * hook that also deletes its data. Every test class gets a database of its own, cloned from a template the
 * migrations ran on once ({@code CREATE DATABASE … TEMPLATE perpflow_template}): the same schema and rows as a
 * freshly migrated database, without an initdb, a server start and the migrations per class.
 *
 * <p>Tests whose subject is the embedded server itself or the application process (restart after kill -9, startup
 * failures, shutdown) still start their own server on their own data dir.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "perpflow_template";
    private static TestPostgres shared;

    private final EmbeddedPostgresServer server;
    private final Path dataDir;
    private final Set<String> released = new LinkedHashSet<>();
    private int created;

    private TestPostgres(EmbeddedPostgresServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** The JVM's server, started on first use. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestPostgres start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("perpflow-test-postgres-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        TestPostgres postgres = new TestPostgres(server, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
        postgres.admin("CREATE DATABASE " + TEMPLATE);
        // migrated once here; every clone starts at the current schema version
        Database.open(postgres.settings(TEMPLATE), dataDir).close();
        // nobody may stay connected to the template, or cloning it fails
        postgres.admin("ALTER DATABASE " + TEMPLATE + " WITH ALLOW_CONNECTIONS false");
        return postgres;
    }

    /**
     * A new database, migrated, for one test class: its {@code perpflow.db.*} settings. {@code owner} names it in
     * the server (for whoever reads its log).
     */
    public synchronized DatabaseSettings newDatabase(String owner) {
        dropReleased();
        String name = ("t" + (++created) + "_" + owner.replaceAll("[^A-Za-z0-9]", "")).toLowerCase();
        name = name.length() > 60 ? name.substring(0, 60) : name;
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return settings(name);
    }

    /**
     * The test class is done with the database: it is dropped now if nothing is connected to it any more, else at
     * the next {@link #newDatabase} (an app's pool closes when its context stops, after the class's own
     * {@code @AfterAll}).
     */
    public synchronized void release(DatabaseSettings database) {
        released.add(database.url().substring(database.url().lastIndexOf('/') + 1));
        dropReleased();
    }

    private void dropReleased() {
        // only databases nobody is connected to: DROP DATABASE waits 5 s for other sessions before it gives up
        released.removeIf(name -> {
            try (Connection c = admin(); PreparedStatement inUse = c.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
                inUse.setString(1, name);
                try (ResultSet rs = inUse.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
                return true;
            } catch (SQLException stillInUse) {
                return false;
            }
        });
    }

    private DatabaseSettings settings(String database) {
        return new DatabaseSettings(server.jdbcUrl(database), EmbeddedPostgresServer.SUPERUSER, server.password());
    }

    private void admin(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.SUPERUSER,
                server.password());
    }

    private void stop() {
        server.close();
        // the artifact's own shutdown hook may be stopping the server at the same time: wait until it is down
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        for (int i = 0; i < 100 && Files.exists(pid); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}

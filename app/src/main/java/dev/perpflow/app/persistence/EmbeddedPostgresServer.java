package dev.perpflow.app.persistence;

import dev.perpflow.app.startup.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a Maven artifact, its data kept under {@code <data-dir>/postgres} across
 * restarts. Used when {@code perpflow.db.url} is empty.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "perpflow";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StartupException("cannot create the data dir " + dataDir + " (perpflow.data-dir / "
                    + "PERPFLOW_DATA_DIR): " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StartupException("the data dir " + dataDir + " is not writable (perpflow.data-dir / PERPFLOW_DATA_DIR)");
        }
        LOG.info("Starting embedded PostgreSQL with data in {}", pgData);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException("embedded PostgreSQL did not start with data in " + pgData + ": "
                    + rootMessage(e) + ". If another perpflow is running with the same data dir, stop it or set "
                    + "perpflow.data-dir (PERPFLOW_DATA_DIR) to another folder", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.createDatabaseIfMissing();
        LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        return server;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            close();
            throw new StartupException("embedded PostgreSQL started but the '" + DATABASE + "' database could not be "
                    + "created: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package dev.perpflow.app.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.perpflow.app.config.DatabaseSettings;
import dev.perpflow.app.startup.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's PostgreSQL: the embedded server or the configured one, a HikariCP pool, and the Flyway
 * migrations applied before anything else touches it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final String description;
    private Path dataDir;

    private Database(HikariDataSource dataSource, EmbeddedPostgresServer embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    /** Connects (starting the embedded server when no URL is set) and migrates; on failure nothing is left running. */
    public static Database open(DatabaseSettings settings, Path dataDir) {
        EmbeddedPostgresServer embedded = settings.embedded() ? EmbeddedPostgresServer.start(dataDir) : null;
        try {
            String url = embedded != null ? embedded.jdbcUrl() : settings.url();
            String user = embedded != null ? EmbeddedPostgresServer.SUPERUSER : settings.user();
            String password = embedded != null ? embedded.password() : settings.password();
            HikariDataSource pool = connect(url, user, password, embedded == null);
            Database database = new Database(pool, embedded,
                    embedded != null ? "embedded PostgreSQL (" + dataDir.resolve("postgres") + ")" : settings.url());
            database.migrate();
            if (embedded != null) {
                database.dataDir = dataDir;
                writeRunningUrl(dataDir, url);
            }
            return database;
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * For tools (the admin CLI): like {@link #open}, but when the embedded database of this data dir is already
     * running (the app is up), connects to it instead of starting a second server on the same files.
     */
    public static Database openShared(DatabaseSettings settings, Path dataDir) {
        if (settings.embedded()) {
            Path file = runningUrlFile(dataDir);
            if (Files.isRegularFile(file)) {
                try {
                    String url = Files.readString(file).strip();
                    HikariDataSource pool = connect(url, EmbeddedPostgresServer.SUPERUSER,
                            EmbeddedPostgresAccess.storedPassword(dataDir), false);
                    Database database = new Database(pool, null, "running embedded PostgreSQL (" + url + ")");
                    database.migrate();
                    return database;
                } catch (IOException | RuntimeException e) {
                    LOG.debug("the embedded database recorded in {} is not reachable ({}); starting it", file,
                            e.getMessage());
                }
            }
        }
        return open(settings, dataDir);
    }

    private static Path runningUrlFile(Path dataDir) {
        return dataDir.resolve("postgres.url");
    }

    private static void writeRunningUrl(Path dataDir, String url) {
        try {
            Files.writeString(runningUrlFile(dataDir), url + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("cannot record the embedded database URL in {}: {}", runningUrlFile(dataDir), e.getMessage());
        }
    }

    private static HikariDataSource connect(String url, String user, String password, boolean external) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("perpflow-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        // a database that stops answering (host frozen, network cut) fails a statement after a minute instead of
        // blocking its thread for good; nothing perpflow runs takes that long
        config.addDataSourceProperty("socketTimeout", "60");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (external) {
                throw new StartupException("cannot connect to PostgreSQL at " + url + " as '" + user + "': " + reason
                        + ". Check perpflow.db.url / perpflow.db.user / perpflow.db.password (PERPFLOW_DB_URL ...), "
                        + "or leave perpflow.db.url empty to use the embedded database", e);
            }
            throw new StartupException("cannot connect to the embedded PostgreSQL: " + reason, e);
        }
    }

    private void migrate() {
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database {} at schema version {} ({} migration(s) applied)", description,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            dataSource.close();
            throw new StartupException("database migration failed on " + description + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    /** Whether a connection can be had and answers within a second. */
    public boolean isConnected() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
            if (dataDir != null) {
                try {
                    Files.deleteIfExists(runningUrlFile(dataDir));
                } catch (IOException e) {
                    LOG.debug("cannot remove {}: {}", runningUrlFile(dataDir), e.getMessage());
                }
            }
        }
    }
}

package dev.perpflow.app.persistence;

import dev.perpflow.app.startup.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a Maven artifact, its data kept under {@code <data-dir>/postgres} across
 * restarts. Used when {@code perpflow.db.url} is empty.
 *
 * <p>Commits are durable ({@code synchronous_commit=on}, where the embedded artifact defaults to off): the order
 * journal is written before every order is sent, and a host crash must not lose the record of an order the venue
 * has. The server runs in its own process group, so it outlives a perpflow killed with {@code kill -9}; the next
 * start finds it by the data dir's {@code postmaster.pid} and stops it before starting its own.
 *
 * <p>Only its superuser gets in, with the password in {@code <data-dir>/postgres-password}, over 127.0.0.1
 * ({@link EmbeddedPostgresAccess}); a data dir of an earlier version that trusted every local process gets a password
 * at its first start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "perpflow";
    static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
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
        stopOrphan(pgData);
        boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
        boolean trusting = !fresh && EmbeddedPostgresAccess.allowsTrust(pgData);
        Path passwordFile = EmbeddedPostgresAccess.passwordFile(dataDir);
        if (!fresh && !trusting && !Files.exists(passwordFile)) {
            throw new StartupException("the embedded database in " + pgData + " needs its password, but " + passwordFile
                    + " is missing; restore it from a backup of the data dir, or set a new one: put the line "
                    + "'host all all 127.0.0.1/32 trust' in " + pgData.resolve(EmbeddedPostgresAccess.HBA_FILE)
                    + " and start again (perpflow then sets a new password and removes that line)");
        }
        String password = EmbeddedPostgresAccess.readOrCreatePassword(dataDir);
        LOG.info("Starting embedded PostgreSQL with data in {}", pgData);
        EmbeddedPostgres postgres = startPostgres(pgData, passwordFile, password, trusting);
        if (trusting) {
            postgres = requirePassword(postgres, pgData, passwordFile, password);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, password);
        server.createDatabaseIfMissing();
        LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (password authentication; the password is in {})",
                postgres.getPort(), passwordFile);
        return server;
    }

    /**
     * Starts the server. A new data dir is created with the password already set (initdb --pwfile) and password
     * authentication from its first start; {@code pg_hba.conf} is rewritten before every start, except on a data dir
     * still trusting everyone, which has no password yet ({@link #requirePassword} follows).
     */
    private static EmbeddedPostgres startPostgres(Path pgData, Path passwordFile, String password, boolean trusting) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky hands its locale settings to initdb as --key=value after its own "-A trust -U postgres";
                    // these replace trust and set the superuser's password (read from the file, never a command line)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    // zonky's own readiness check connects as postgres too
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(dir -> {
                        if (!trusting) {
                            EmbeddedPostgresAccess.writeHba(dir.toPath());
                        }
                    })
                    .start();
        } catch (IOException | RuntimeException e) {
            String reason = rootMessage(e);
            String hint = reason.contains("password authentication failed")
                    ? ". The password in " + passwordFile + " is not the database's: restore the file from a backup of "
                            + "the data dir"
                    : ". If another perpflow is running with the same data dir, stop it or set perpflow.data-dir "
                            + "(PERPFLOW_DATA_DIR) to another folder";
            throw new StartupException("embedded PostgreSQL did not start with data in " + pgData + ": " + reason + hint, e);
        }
    }

    /**
     * A data dir of an earlier perpflow let every local process in as superuser without a password: sets the stored
     * password, then restarts the server with password authentication only (which also ends any session opened
     * meanwhile).
     */
    private static EmbeddedPostgres requirePassword(EmbeddedPostgres trusting, Path pgData, Path passwordFile,
            String password) {
        try (Connection c = trusting.getPostgresDatabase().getConnection()) {
            // the driver hashes the password (SCRAM) before sending it: the plain text never reaches the server's log
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            closeQuietly(trusting);
            throw new StartupException("cannot set the password of the embedded PostgreSQL in " + pgData + ": "
                    + e.getMessage(), e);
        }
        closeQuietly(trusting);
        LOG.warn("The embedded PostgreSQL in {} let every local process in without a password (a data dir of an "
                + "earlier perpflow): set a password, stored in {} (owner only), and switched to password "
                + "authentication on 127.0.0.1", pgData, passwordFile);
        return startPostgres(pgData, passwordFile, password, false);
    }

    /**
     * Stops the server a crashed perpflow left running on this data dir: {@code postmaster.pid} names a live
     * PostgreSQL started on exactly this directory. Another perpflow that is still running holds the embedded
     * artifact's own lock on the directory, so its server is never touched here (that start fails with a message
     * naming the lock). A pid file of a process that is gone, or is no PostgreSQL of this directory, is left to
     * PostgreSQL, which handles stale pid files itself.
     */
    static void stopOrphan(Path pgData) {
        Optional<ProcessHandle> orphan = orphanOf(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        if (lockedByAnotherProcess(pgData)) {
            throw new StartupException("the data dir " + pgData.getParent() + " is in use by another perpflow (or the "
                    + "admin CLI) running now; stop it, or set perpflow.data-dir (PERPFLOW_DATA_DIR) to another folder");
        }
        LOG.warn("PostgreSQL (pid {}) is still running on {} after perpflow stopped without shutting it down "
                + "(a crash or kill -9); stopping it before starting again", server.pid(), pgData);
        server.destroy();     // SIGTERM: a smart shutdown, quick with no client left
        try {
            server.onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within 20 s; killing it (it recovers from its WAL)", server.pid());
            server.destroyForcibly();
            try {
                server.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new StartupException("the PostgreSQL server left running on " + pgData + " (pid " + server.pid()
                        + ") cannot be stopped; stop it by hand (kill " + server.pid() + ") and start again", again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while stopping the PostgreSQL server left running on " + pgData, e);
        } catch (ExecutionException e) {
            LOG.debug("waiting for pid {} failed: {}", server.pid(), e.getMessage());
        }
        LOG.info("Stopped the PostgreSQL server left running on {}", pgData);
    }

    /** The live PostgreSQL process {@code postmaster.pid} names, if it runs on {@code pgData}. */
    static Optional<ProcessHandle> orphanOf(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            Path dir = Path.of(lines.get(1).strip());
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            boolean postgres = process.flatMap(p -> p.info().command()).map(c -> c.endsWith("postgres")).orElse(false);
            boolean same = Files.exists(dir) && Files.isSameFile(dir, pgData);
            return postgres && same ? process : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether another live process holds the embedded artifact's lock on the data directory. */
    private static boolean lockedByAnotherProcess(Path pgData) {
        Path lock = pgData.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return true;
            }
            taken.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;     // this very JVM holds it: another server of ours runs on the directory
        } catch (IOException e) {
            return false;
        }
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** The superuser's password (never logged). */
    String password() {
        return password;
    }

    private void createDatabaseIfMissing() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
                Statement s = c.createStatement()) {
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
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
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

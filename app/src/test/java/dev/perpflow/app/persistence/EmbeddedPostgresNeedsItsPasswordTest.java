package dev.perpflow.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.perpflow.app.startup.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL lets in only its superuser with the password stored in the data dir (0600), over
 * 127.0.0.1; a data dir created by an earlier version (trust for every local process) gets a password at its next
 * start. Failed before: initdb -A trust, any local process connected as superuser without a password.
 */
class EmbeddedPostgresNeedsItsPasswordTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @TempDir
    Path dataDir;

    @BeforeEach
    void captureLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(logging);
        logs.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
        logging.getLogger("dev.perpflow").setLevel(Level.DEBUG);
        logging.getLogger("io.zonky").setLevel(Level.DEBUG);
    }

    @AfterEach
    void detach() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        logging.getLogger("dev.perpflow").setLevel(null);
        logging.getLogger("io.zonky").setLevel(Level.WARN);
    }

    @Test
    void aNewDataDirRefusesConnectionsWithoutThePasswordAndKeepsItForTheOwnerOnly() throws Exception {
        String password;
        String url;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            password = server.password();
            url = server.jdbcUrl();
            Path file = dataDir.resolve("postgres-password");
            assertThat(Files.readString(file).strip()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertRefused(url, "");
            assertRefused(url, "wrong-" + password);
            assertRefused(server.jdbcUrl("postgres"), "");
            try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement()) {
                assertThat(show(s, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(s, "unix_socket_directories")).as("no unix socket").isEmpty();
                assertThat(show(s, "password_encryption")).isEqualTo("scram-sha-256");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules "
                        + "WHERE auth_method <> 'scram-sha-256' OR type <> 'host' OR address <> '127.0.0.1'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("pg_hba.conf rules other than scram-sha-256 on 127.0.0.1").isZero();
                }
            }
        }
        assertThat(linesContaining(password)).as("log lines holding the password").isEmpty();
    }

    @Test
    void aRestartOnTheSameDataDirUsesTheStoredPassword() throws Exception {
        String password;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            password = first.password();
            execute(first.jdbcUrl(), password, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(count(again.jdbcUrl(), password, "SELECT v FROM kept")).isEqualTo(7);
            assertRefused(again.jdbcUrl(), "");
        }
        assertThat(linesContaining(password)).isEmpty();
    }

    @Test
    void aDataDirOfAnEarlierVersionGetsAPasswordAndThenRefusesConnectionsWithoutIt() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        // created as earlier versions did: initdb -A trust, no password, no password file
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").start()) {
            String oldUrl = old.getJdbcUrl("postgres", "postgres");
            execute(oldUrl, "", "CREATE DATABASE perpflow");
            execute(old.getJdbcUrl("postgres", "perpflow"), "", "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
        }
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();

        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            password = server.password();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres-password"))))
                    .isEqualTo("rw-------");
            assertRefused(server.jdbcUrl(), "");
            assertRefused(server.jdbcUrl(), "not-" + password);
            assertThat(count(server.jdbcUrl(), password, "SELECT v FROM kept")).as("the data is kept").isEqualTo(7);
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        assertThat(linesContaining("switched to password authentication")).hasSize(1);
        assertThat(linesContaining(password)).isEmpty();

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(count(again.jdbcUrl(), password, "SELECT v FROM kept")).isEqualTo(7);
            assertRefused(again.jdbcUrl(), "");
        }
        assertThat(linesContaining("switched to password authentication")).as("migrated once").hasSize(1);
    }

    @Test
    void aLostPasswordFileIsNamedWithHowToSetANewPassword() {
        EmbeddedPostgresServer.start(dataDir).close();
        Path file = dataDir.resolve("postgres-password");
        file.toFile().delete();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir)).isInstanceOf(StartupException.class)
                .hasMessageContaining(file + " is missing").hasMessageContaining("trust");
    }

    @Test
    void theAdminCliReachesTheRunningAppsDatabaseWithTheStoredPassword() throws Exception {
        try (Database app = Database.open(new dev.perpflow.app.config.DatabaseSettings("", "postgres", ""), dataDir);
                Database cli = Database.openShared(new dev.perpflow.app.config.DatabaseSettings("", "postgres", ""),
                        dataDir)) {
            assertThat(cli.description()).startsWith("running embedded PostgreSQL");
            assertThat(cli.isConnected()).isTrue();
            assertThat(app.isConnected()).isTrue();
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
                .as("connecting with password '%s'", password.isEmpty() ? "<none>" : "<wrong>")
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String url, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String url, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> linesContaining(String text) {
        List<ILoggingEvent> captured;
        synchronized (logs) {
            captured = List.copyOf(logs.list);
        }
        return captured.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .filter(line -> line.contains(text)).toList();
    }
}

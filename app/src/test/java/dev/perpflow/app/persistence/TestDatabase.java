package dev.perpflow.app.persistence;

import dev.perpflow.app.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A migrated embedded PostgreSQL in a temporary data dir, opened through the application's own {@link Database}. */
public final class TestDatabase implements AutoCloseable {

    private final Database database;

    private TestDatabase(Database database) {
        this.database = database;
    }

    public static TestDatabase start() {
        try {
            Path dataDir = Files.createTempDirectory("perpflow-db-test-");
            return new TestDatabase(Database.open(new DatabaseSettings("", "postgres", ""), dataDir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Database database() {
        return database;
    }

    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}

package dev.perpflow.app.persistence;

import dev.perpflow.app.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A migrated database of its own, cloned on the test JVM's shared embedded PostgreSQL ({@link TestPostgres}), opened
 * through the application's own {@link Database}; dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private final Database database;
    private final DatabaseSettings settings;

    private TestDatabase(Database database, DatabaseSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    public static TestDatabase start() {
        DatabaseSettings settings = TestPostgres.shared().newDatabase(caller());
        return new TestDatabase(Database.open(settings, Path.of(System.getProperty("java.io.tmpdir"))), settings);
    }

    /** The simple name of the class that asked for the database. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(TestDatabase.class.getName()))
                .findFirst().map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("test"));
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
        TestPostgres.shared().release(settings);
    }
}

package dev.perpflow.app.security;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The database connections API-key checks use: a pool of their own (two connections, two-second wait), opened on the
 * same database as the application's pool, so a flood of key checks queues here and never takes a connection the
 * order journal or a strategy needs.
 */
public final class KeyCheckPool {

    static final int SIZE = 2;

    private KeyCheckPool() {
    }

    /** A small pool on the database of {@code main}; {@code main} itself when it is not a HikariCP pool. */
    public static DataSource open(DataSource main) {
        if (!(main instanceof HikariDataSource hikari)) {
            return main;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("perpflow-key-checks");
        config.setJdbcUrl(hikari.getJdbcUrl());
        config.setUsername(hikari.getUsername());
        config.setPassword(hikari.getPassword());
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(5_000);
        return new HikariDataSource(config);
    }
}

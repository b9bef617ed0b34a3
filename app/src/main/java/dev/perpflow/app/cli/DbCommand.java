package dev.perpflow.app.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import picocli.CommandLine.Command;

@Command(name = "db", description = "Database maintenance.", subcommands = DbCommand.Migrate.class)
final class DbCommand {

    @Command(name = "migrate", description = "Apply pending Flyway migrations (the app also does this at startup).")
    static final class Migrate extends CliCommand {

        @Override
        public void run() {
            try (Connection c = context().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
                rs.next();
                out().printf("database migrated: schema version %d%n", rs.getInt(1));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the schema version: " + e.getMessage(), e);
            }
        }
    }
}

package dev.perpflow.app.events;

import dev.perpflow.app.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * The {@code domain_events} outbox. A change that is stored appends its event with {@link #append(Connection,
 * DomainEvent)} in its own transaction, so the event exists exactly when the change does (a crash loses neither or
 * both); an event that describes no stored change (a halt taking effect, opportunities re-ranked) is appended on
 * its own with {@link #publish(DomainEvent)}. The {@code events-relay} route (routes/events.camel.yaml) then
 * publishes every unpublished row on {@code seda:perpflow-events}.
 */
public class EventOutbox {

    private static final String INSERT = """
            INSERT INTO domain_events (event_type, level, occurred_at, account, run_id, payload)
            VALUES (?, ?, ?, ?, ?, ?::jsonb)""";

    /**
     * The tail of a data-modifying statement that appends one event per row of the CTE {@code cte}: {@code WITH
     * changed AS (INSERT ... RETURNING 1) } + {@code insertFrom("changed")}, its six parameters set by {@link #bind}.
     * The change and its event are then one statement (one round trip on the order path), and a change that did not
     * happen (a conflict) appends no event.
     */
    public static String insertFrom(String cte) {
        // not a text block ending in "FROM ": a text block drops trailing spaces, and "FROM" + cte became a column
        // alias of a SELECT without FROM, which appended the event whatever the CTE did (JdbcOrderJournalTest)
        return "INSERT INTO domain_events (event_type, level, occurred_at, account, run_id, payload) "
                + "SELECT ?, ?, ?, ?, ?, ?::jsonb FROM " + cte;
    }

    private final DataSource dataSource;

    public EventOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends {@code event} in its own transaction; throws {@link IllegalStateException} when it cannot. */
    public void publish(DomainEvent event) {
        try (Connection c = dataSource.getConnection()) {
            append(c, event);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the " + event.type() + " event: " + e.getMessage(), e);
        }
    }

    /** Appends {@code event} on {@code connection}, inside whatever transaction the caller has open there. */
    public static void append(Connection connection, DomainEvent event) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            bind(ps, 1, event);
            ps.executeUpdate();
        }
    }

    /** Sets the six parameters of an event from index {@code first} on (see {@link #insertFrom}). */
    public static void bind(PreparedStatement ps, int first, DomainEvent event) throws SQLException {
        ps.setString(first, event.type());
        ps.setString(first + 1, event.level().code());
        ps.setTimestamp(first + 2, Timestamp.from(event.time()));
        ps.setString(first + 3, event.account());
        ps.setString(first + 4, event.runId());
        ps.setString(first + 5, Json.write(event.payload()));
    }
}

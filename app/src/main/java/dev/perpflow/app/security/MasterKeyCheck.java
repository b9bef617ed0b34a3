package dev.perpflow.app.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Tells a wrong master key from the right one before any secret is read: the database keeps one known value
 * encrypted under the key it was first used with. The first use writes it; every later use must decrypt it.
 */
public final class MasterKeyCheck {

    static final String CONTEXT = "master-key-check";
    static final String KNOWN = "perpflow master key check v1";

    private MasterKeyCheck() {
    }

    /** Verifies (or, on first use, records) the key; a mismatch says so and how to recover. */
    public static void verify(DataSource dataSource, SecretBox box, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            String stored = stored(c);
            if (stored == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO master_key_check (id, check_value, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, box.encrypt(KNOWN, CONTEXT));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.executeUpdate();
                }
                stored = stored(c);
            }
            String value;
            try {
                value = box.decrypt(stored, CONTEXT);
            } catch (SecretBox.DecryptionException e) {
                throw new WrongMasterKeyException();
            }
            if (!KNOWN.equals(value)) {
                throw new WrongMasterKeyException();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error while checking the master key: " + e.getMessage(), e);
        }
    }

    /** Replaces the check value (inside a key rotation's transaction). */
    static void rewrite(Connection c, SecretBox box) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE master_key_check SET check_value = ? WHERE id = 1")) {
            ps.setString(1, box.encrypt(KNOWN, CONTEXT));
            ps.executeUpdate();
        }
    }

    private static String stored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_value FROM master_key_check WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The configured master key is not the one this database's secrets were encrypted with. */
    public static final class WrongMasterKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WrongMasterKeyException() {
            super("PERPFLOW_MASTER_KEY is not the key this database's secrets were encrypted with (the master key "
                    + "check fails to decrypt); use the original key, or 'master-key rotate' with both keys to change it");
        }
    }
}

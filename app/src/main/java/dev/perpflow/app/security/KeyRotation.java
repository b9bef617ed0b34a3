package dev.perpflow.app.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Re-encrypts every stored secret (account credentials, proxy credentials, the master key check) from the old
 * master key to a new one in one transaction: either everything is under the new key or nothing changed. A value
 * that does not decrypt under the old key aborts the rotation and names the row.
 */
public final class KeyRotation {

    /** What was re-encrypted. */
    public record Result(int credentials, int proxies) {
    }

    private KeyRotation() {
    }

    public static Result rotate(DataSource dataSource, SecretBox oldBox, SecretBox newBox) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                MasterKeyCheck.verify(dataSource, oldBox, java.time.Instant.now());
                int credentials = reencrypt(c, "SELECT id, account_id, exchange, credentials_encrypted "
                        + "FROM account_exchange_credentials FOR UPDATE",
                        "UPDATE account_exchange_credentials SET credentials_encrypted = ? WHERE id = ?",
                        rs -> "credentials:" + rs.getLong(2) + ":" + rs.getString(3), 4, oldBox, newBox);
                int proxies = reencrypt(c, "SELECT id, label, credentials_encrypted FROM network_proxies "
                        + "WHERE credentials_encrypted IS NOT NULL FOR UPDATE",
                        "UPDATE network_proxies SET credentials_encrypted = ? WHERE id = ?",
                        rs -> "proxy:" + rs.getString(2), 3, oldBox, newBox);
                MasterKeyCheck.rewrite(c, newBox);
                c.commit();
                return new Result(credentials, proxies);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error during key rotation (nothing changed): " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Context {
        String of(ResultSet row) throws SQLException;
    }

    private static int reencrypt(Connection c, String select, String update, Context context, int valueColumn,
            SecretBox oldBox, SecretBox newBox) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String ctx = context.of(rs);
                String plain = oldBox.decrypt(rs.getString(valueColumn), ctx);
                rows.add(new Object[] {rs.getLong(1), newBox.encrypt(plain, ctx)});
            }
        }
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (Object[] row : rows) {
                ps.setString(1, (String) row[1]);
                ps.setLong(2, (Long) row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }
}

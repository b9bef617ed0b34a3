package dev.perpflow.app.persistence;

import dev.perpflow.app.startup.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL: its superuser, with the random password kept in
 * {@code <data-dir>/postgres-password} (readable by its owner only), over TCP on 127.0.0.1 with scram-sha-256.
 * {@code pg_hba.conf} is written at every start and holds nothing else: no {@code trust}, no other address; the
 * unix socket is off. Any other local user or process is refused.
 */
final class EmbeddedPostgresAccess {

    static final String PASSWORD_FILE = "postgres-password";
    static final String HBA_FILE = "pg_hba.conf";
    static final String HBA = """
            # Written by perpflow at every start of its embedded PostgreSQL; edits here are replaced.
            # Password (scram-sha-256) connections over 127.0.0.1 only; the password is in ../postgres-password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresAccess.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedPostgresAccess() {
    }

    static Path passwordFile(Path dataDir) {
        return dataDir.resolve(PASSWORD_FILE);
    }

    /** The stored password, or a new random one written to the password file (0600) when there is none yet. */
    static String readOrCreatePassword(Path dataDir) {
        Path file = passwordFile(dataDir);
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                String password = Files.readString(file).strip();
                if (password.isEmpty()) {
                    throw new StartupException("the embedded database's password file " + file + " is empty; restore "
                            + "it from a backup of the data dir");
                }
                return password;
            }
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path partial = dataDir.resolve(PASSWORD_FILE + ".new");
            Files.deleteIfExists(partial);
            if (posix(dataDir)) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(partial);
            }
            Files.writeString(partial, password + System.lineSeparator());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new StartupException("cannot read or write the embedded database's password file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The stored password of the embedded database of this data dir, or empty when there is none (earlier versions). */
    static String storedPassword(Path dataDir) {
        Path file = passwordFile(dataDir);
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.getMessage());
            return "";
        }
    }

    /** Whether {@code pg_hba.conf} lets anyone in without a password (data dirs of earlier versions: initdb -A trust). */
    static boolean allowsTrust(Path pgData) {
        Path hba = pgData.resolve(HBA_FILE);
        try {
            List<String> lines = Files.readAllLines(hba);
            return lines.stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", hba, e.getMessage());
            return false;
        }
    }

    /** Replaces {@code pg_hba.conf} with password connections over 127.0.0.1 only. */
    static void writeHba(Path pgData) {
        Path hba = pgData.resolve(HBA_FILE);
        try {
            Files.writeString(hba, HBA);
            if (posix(pgData)) {
                Files.setPosixFilePermissions(hba, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new StartupException("cannot write " + hba + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("{} could be read by other users; it is now readable by its owner only", file);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}

package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.config.DatabaseSettings;
import dev.perpflow.app.config.PerpflowSettings;
import dev.perpflow.app.persistence.Database;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.MasterKeyCheck;
import dev.perpflow.app.security.SecretBox;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The CLI's lazily opened resources: the database (the running app's embedded one when it is up), the
 * repositories and, for commands that touch secrets, the master key (checked against the database).
 */
final class CliContext implements AutoCloseable {

    private final CliEnvironment environment;
    private final InputStream in;
    private final Clock clock = Clock.systemUTC();
    private Database database;
    private DataSource dataSource;
    private SecretBox box;
    private BufferedReader reader;

    CliContext(CliEnvironment environment, InputStream in) {
        this.environment = environment;
        this.in = in;
    }

    /** For tests: an already migrated database. */
    CliContext(CliEnvironment environment, InputStream in, DataSource dataSource) {
        this(environment, in);
        this.dataSource = dataSource;
    }

    CliEnvironment environment() {
        return environment;
    }

    synchronized DataSource dataSource() {
        if (dataSource == null) {
            PerpflowSettings settings = PerpflowSettings.read(environment.profile(),
                    environment.properties());
            DatabaseSettings db = settings.db();
            database = Database.openShared(db, settings.dataDir());
            dataSource = database.dataSource();
        }
        return dataSource;
    }

    synchronized SecretBox secrets() {
        if (box == null) {
            String key = environment.properties().optional("perpflow.master-key").orElse(null);
            if (key == null) {
                throw new AccountsException("this command stores or reads secrets: set PERPFLOW_MASTER_KEY "
                        + "(generate one with 'master-key generate')");
            }
            SecretBox candidate = new SecretBox(parse(key));
            MasterKeyCheck.verify(dataSource(), candidate, clock.instant());
            box = candidate;
        }
        return box;
    }

    static MasterKey parse(String key) {
        try {
            return MasterKey.parse(key);
        } catch (MasterKey.InvalidMasterKeyException e) {
            throw new AccountsException(e.getMessage());
        }
    }

    Clock clock() {
        return clock;
    }

    AuditLog audit() {
        return new AuditLog(dataSource(), clock);
    }

    UserRepository users() {
        return new UserRepository(dataSource(), clock);
    }

    ApiKeyRepository apiKeys() {
        return new ApiKeyRepository(dataSource(), audit(), clock);
    }

    AccountRepository accounts() {
        return new AccountRepository(dataSource(), audit(), clock);
    }

    CredentialStore credentials() {
        return new CredentialStore(dataSource(), secrets(), audit(), clock);
    }

    ProxyRepository proxies() {
        return new ProxyRepository(dataSource(), secrets(), audit(), clock);
    }

    /** Who the audit log names for CLI actions. */
    String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** One line of standard input (secrets are read from there, never from arguments). */
    synchronized String readLine() {
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new AccountsException("cannot read standard input: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
        }
    }
}

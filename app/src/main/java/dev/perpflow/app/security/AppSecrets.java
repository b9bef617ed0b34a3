package dev.perpflow.app.security;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.config.Profiles;
import dev.perpflow.app.startup.StartupException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's access to stored secrets. With {@code perpflow.master-key} (env {@code PERPFLOW_MASTER_KEY}) the key is
 * parsed and checked against the database at startup: a malformed or wrong key stops startup and says why. Without
 * it the live profile refuses to start; other profiles run, and anything that needs a stored secret (an account's
 * venue credentials or proxy login) fails with a message naming the variable.
 */
public final class AppSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(AppSecrets.class);

    private final SecretBox box;

    private AppSecrets(SecretBox box) {
        this.box = box;
    }

    public static AppSecrets configure(String profile, Optional<String> masterKey, DataSource dataSource, Clock clock) {
        if (masterKey.isEmpty()) {
            if (Profiles.LIVE.equals(profile)) {
                throw new StartupException("the live profile needs the master key that encrypts account credentials: "
                        + "set PERPFLOW_MASTER_KEY (perpflow.master-key); 'master-key generate' of the admin CLI "
                        + "prints a new one");
            }
            LOG.info("No master key (PERPFLOW_MASTER_KEY): stored account credentials cannot be used on this run");
            return new AppSecrets(null);
        }
        SecretBox box;
        try {
            box = new SecretBox(MasterKey.parse(masterKey.get()));
        } catch (MasterKey.InvalidMasterKeyException e) {
            throw new StartupException(e.getMessage() + " (perpflow.master-key / PERPFLOW_MASTER_KEY)", e);
        }
        try {
            MasterKeyCheck.verify(dataSource, box, clock.instant());
        } catch (MasterKeyCheck.WrongMasterKeyException e) {
            throw new StartupException(e.getMessage(), e);
        }
        LOG.info("Master key checked: stored secrets are readable");
        return new AppSecrets(box);
    }

    public boolean available() {
        return box != null;
    }

    public SecretBox box() {
        if (box == null) {
            throw new AccountsException("reading an account's stored credentials needs PERPFLOW_MASTER_KEY, which is "
                    + "not set for this run");
        }
        return box;
    }
}

package dev.perpflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Aster V3 (API wallet) credentials through the admin CLI: {@code --from-env} reads {@code ASTER_USER},
 * {@code ASTER_SIGNER} and {@code ASTER_SIGNER_PRIVATE_KEY}, standard input takes the same fields; a partial or mixed
 * set is refused naming the fields, never printing a value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsterApiWalletCredentialsCliTest {

    // the demo API wallet of Aster's V3 docs (venues.md)
    static final String USER = "0x63DD5aCC6b1aa0f563956C0e534DD30B6dcF7C4e";
    static final String SIGNER = "0x21cF8Ae13Bb72632562c6Fff438652Ba1a151bb0";
    static final String SIGNER_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";

    private TestDatabase db;
    private CliRunner cli;
    private final String masterKey = MasterKey.generate();

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        cli = new CliRunner(db.database().dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", masterKey);
        assertThat(cli.run("users", "create", "vera").status()).isZero();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void fromEnvStoresTheApiWalletFieldsEncrypted() throws Exception {
        cli.env.put("ASTER_USER", USER);
        cli.env.put("ASTER_SIGNER", SIGNER);
        cli.env.put("ASTER_SIGNER_PRIVATE_KEY", SIGNER_KEY);
        try {
            CliRunner.Result added = cli.run("accounts", "add", "wallet", "--user", "vera", "--from-env");

            assertThat(added.status()).as(added.all()).isZero();
            assertThat(added.all()).doesNotContain(SIGNER_KEY.substring(2));
            assertThat(cli.run("credentials", "list", "vera/wallet").out()).contains("user, signer, signer_private_key");
            CredentialStore store = new CredentialStore(db.database().dataSource(),
                    new SecretBox(MasterKey.parse(masterKey)), new AuditLog(db.database().dataSource(), Clock.systemUTC()),
                    Clock.systemUTC());
            long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'wallet'");
            assertThat(store.load(accountId, "aster"))
                    .contains(Map.of("user", USER, "signer", SIGNER, "signer_private_key", SIGNER_KEY));
        } finally {
            cli.env.remove("ASTER_USER");
            cli.env.remove("ASTER_SIGNER");
            cli.env.remove("ASTER_SIGNER_PRIVATE_KEY");
        }
    }

    @Test
    void aPartialOrMixedSetIsRefusedNamingTheFields() {
        assertThat(cli.run("accounts", "add", "hedge", "--user", "vera").status()).isZero();

        CliRunner.Result partial = cli.runWithInput("user=" + USER + "\nsigner_private_key=" + SIGNER_KEY + "\n",
                "credentials", "set", "vera/hedge", "aster");
        CliRunner.Result mixed = cli.runWithInput("api_key=k\nsecret_key=s\nuser=" + USER + "\nsigner=" + SIGNER
                + "\nsigner_private_key=" + SIGNER_KEY + "\n", "credentials", "set", "vera/hedge", "aster");

        assertThat(partial.status()).isEqualTo(1);
        assertThat(partial.err()).contains("missing 'signer'").doesNotContain(SIGNER_KEY.substring(2));
        assertThat(mixed.status()).isEqualTo(1);
        assertThat(mixed.err()).contains("not several").contains("ASTER_USER").doesNotContain(SIGNER_KEY.substring(2));
    }
}

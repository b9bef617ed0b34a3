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
 * Lighter credentials through the admin CLI, stored per account: {@code --from-env} reads the seed's
 * {@code API_KEY_PRIVATE_KEY} when {@code LIGHTER_API_KEY_PRIVATE_KEY} is not set, with {@code LIGHTER_ACCOUNT_INDEX}
 * and {@code LIGHTER_API_KEY_INDEX}; the private key is stored encrypted and never printed; a set without the indexes
 * is refused naming them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LighterCredentialsCliTest {

    static final String PRIVATE_KEY = "0x" + "11".repeat(32) + "0000000000000001";

    private TestDatabase db;
    private CliRunner cli;
    private final String masterKey = MasterKey.generate();

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        cli = new CliRunner(db.database().dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", masterKey);
        assertThat(cli.run("users", "create", "lena").status()).isZero();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void fromEnvReadsTheSeedsPrivateKeyNameAndStoresTheThreeFieldsEncrypted() throws Exception {
        cli.env.put("API_KEY_PRIVATE_KEY", PRIVATE_KEY);
        cli.env.put("LIGHTER_ACCOUNT_INDEX", "281");
        cli.env.put("LIGHTER_API_KEY_INDEX", "3");
        try {
            assertThat(cli.run("accounts", "add", "zk", "--user", "lena").status()).isZero();
            CliRunner.Result set = cli.run("credentials", "set", "lena/zk", "lighter", "--from-env");

            assertThat(set.status()).as(set.all()).isZero();
            assertThat(set.all()).doesNotContain(PRIVATE_KEY.substring(2));
            assertThat(cli.run("credentials", "list", "lena/zk").out()).contains("private_key, account_index, api_key_index");
            CredentialStore store = new CredentialStore(db.database().dataSource(),
                    new SecretBox(MasterKey.parse(masterKey)), new AuditLog(db.database().dataSource(), Clock.systemUTC()),
                    Clock.systemUTC());
            long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'zk'");
            assertThat(store.load(accountId, "lighter"))
                    .contains(Map.of("private_key", PRIVATE_KEY, "account_index", "281", "api_key_index", "3"));
            try (var rows = db.database().dataSource().getConnection().createStatement()
                    .executeQuery("SELECT * FROM account_exchange_credentials")) {
                StringBuilder raw = new StringBuilder();
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        raw.append(rows.getString(i)).append(' ');
                    }
                }
                assertThat(raw.toString()).doesNotContain(PRIVATE_KEY.substring(2));
            }
        } finally {
            cli.env.remove("API_KEY_PRIVATE_KEY");
            cli.env.remove("LIGHTER_ACCOUNT_INDEX");
            cli.env.remove("LIGHTER_API_KEY_INDEX");
        }
    }

    @Test
    void aKeyWithoutItsIndexesIsRefusedNamingThem() {
        assertThat(cli.run("accounts", "add", "half", "--user", "lena").status()).isZero();
        CliRunner.Result partial = cli.runWithInput("private_key=" + PRIVATE_KEY + "\n", "credentials", "set",
                "lena/half", "lighter");
        assertThat(partial.status()).isEqualTo(1);
        assertThat(partial.err()).contains("missing 'account_index'").contains("missing 'api_key_index'")
                .doesNotContain(PRIVATE_KEY.substring(2));
    }
}

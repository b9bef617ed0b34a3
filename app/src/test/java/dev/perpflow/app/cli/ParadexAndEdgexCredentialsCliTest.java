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
 * Paradex and EdgeX credentials through the admin CLI: {@code --from-env} reads the seed's Paradex variables
 * ({@code PARADEX_L1_ADDRESS}, {@code PARADEX_L2_ADDRESS}, {@code PARADEX_L2_PRIVATE_KEY}) and EdgeX's v2 set, and
 * stores them encrypted per account; the L1 address may be left out; EdgeX's v1 Stark key is not a v2 field and is
 * refused naming the v2 fields; no value is ever printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParadexAndEdgexCredentialsCliTest {

    static final String PARADEX_KEY = "0x2dccce1da22003777062ee0870e9881b460a8b7eca276870f57c601f182136c";
    static final String PARADEX_ADDRESS = "0x5c7a1a4c6e0b1b6c0f7f1f2e53b2e1d0c9a8b7a6f5e4d3c2b1a0918273645a1";
    static final String EDGEX_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";

    private TestDatabase db;
    private CliRunner cli;
    private final String masterKey = MasterKey.generate();

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        cli = new CliRunner(db.database().dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", masterKey);
        assertThat(cli.run("users", "create", "pat").status()).isZero();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void fromEnvStoresBothVenuesFieldsEncryptedPerAccount() throws Exception {
        Map<String, String> variables = Map.of("PARADEX_L1_ADDRESS", "0x0000000000000000000000000000000000000001",
                "PARADEX_L2_ADDRESS", PARADEX_ADDRESS, "PARADEX_L2_PRIVATE_KEY", PARADEX_KEY,
                "EDGEX_ACCOUNT_ID", "777000111", "EDGEX_API_KEY", "edgex-key", "EDGEX_API_PASSPHRASE", "edgex-pass",
                "EDGEX_API_SECRET", "edgex-secret", "EDGEX_TRADING_PRIVATE_KEY", EDGEX_KEY);
        cli.env.putAll(variables);
        try {
            CliRunner.Result added = cli.run("accounts", "add", "dex", "--user", "pat", "--from-env");

            assertThat(added.status()).as(added.all()).isZero();
            assertThat(added.all()).doesNotContain(PARADEX_KEY.substring(2)).doesNotContain(EDGEX_KEY.substring(2))
                    .doesNotContain("edgex-secret").doesNotContain("edgex-pass");
            String listed = cli.run("credentials", "list", "pat/dex").out();
            assertThat(listed).contains("paradex", "l1_address", "l2_private_key_hex", "l2_address")
                    .contains("edgex", "api_passphrase", "api_secret", "trading_private_key");
            CredentialStore store = new CredentialStore(db.database().dataSource(),
                    new SecretBox(MasterKey.parse(masterKey)), new AuditLog(db.database().dataSource(), Clock.systemUTC()),
                    Clock.systemUTC());
            long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'dex'");
            assertThat(store.load(accountId, "paradex")).contains(Map.of("l1_address",
                    "0x0000000000000000000000000000000000000001", "l2_address", PARADEX_ADDRESS,
                    "l2_private_key_hex", PARADEX_KEY));
            assertThat(store.load(accountId, "edgex")).contains(Map.of("account_id", "777000111",
                    "api_key", "edgex-key", "api_passphrase", "edgex-pass", "api_secret", "edgex-secret",
                    "trading_private_key", EDGEX_KEY));
        } finally {
            variables.keySet().forEach(cli.env::remove);
        }
    }

    @Test
    void theL1AddressIsOptionalAndEdgexsV1StarkKeyIsNotAV2Field() {
        assertThat(cli.run("accounts", "add", "other", "--user", "pat").status()).isZero();

        CliRunner.Result paradex = cli.runWithInput("l2_address=" + PARADEX_ADDRESS + "\nl2_private_key_hex="
                + PARADEX_KEY + "\n", "credentials", "set", "pat/other", "paradex");
        CliRunner.Result edgexV1 = cli.runWithInput("account_id=1\nstark_private_key=0x1234abcd\n",
                "credentials", "set", "pat/other", "edgex");

        assertThat(paradex.status()).as(paradex.all()).isZero();
        assertThat(paradex.all()).doesNotContain(PARADEX_KEY.substring(2));
        assertThat(edgexV1.status()).isEqualTo(1);
        assertThat(edgexV1.err()).contains("unknown field 'stark_private_key'").contains("api_key")
                .contains("trading_private_key").doesNotContain("1234abcd");
    }
}

package dev.perpflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.security.MasterKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin CLI as a careless admin uses it (issue 15 item 8, issue 16 item 16): an account is not deleted or
 * deactivated while a run trades on it or a position or order of it is open, and the refusal names them; a malformed
 * new master key is named as the new one; a repeated credential field, a negative proxy priority and deleting an
 * assigned proxy without --yes are refused; a proxy port out of range never reaches the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsInUseAndCliInputsTest {

    private TestDatabase db;
    private CliRunner cli;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        cli = new CliRunner(db.database().dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", MasterKey.generate());
        assertThat(cli.run("users", "create", "bob").status()).isZero();
        assertThat(cli.run("accounts", "add", "bobacc", "--user", "bob").status()).isZero();
        assertThat(cli.run("accounts", "add", "spare", "--user", "bob").status()).isZero();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    @Test
    void anAccountIsNotDeletedWhileARunOrPositionUsesItAndTheRefusalNamesThem() throws Exception {
        sql("INSERT INTO strategy_runs (id, strategy, venue, config, status, started_at, account) VALUES "
                + "('b4', 'funding_arbitrage', '[sim-a, sim-b]', '{}', 'running', now(), 'bob/bobacc')");
        sql("INSERT INTO strategy_positions (id, run_id, symbol, long_dex, short_dex, entry_long_rate, "
                + "entry_short_rate, entry_divergence, opened_at, status) VALUES "
                + "('pos-sol-1', 'b4', 'SOL', 'sim-a', 'sim-b', 0, 0, 0, now(), 'open')");

        CliRunner.Result refused = cli.run("accounts", "delete", "bobacc", "--yes");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot delete bob/bobacc while it is in use").contains("run b4")
                .contains("position pos-sol-1 (SOL, open, run b4)");
        assertThat(db.count("SELECT count(*) FROM accounts WHERE account_name = 'bobacc'")).isEqualTo(1);
        assertThat(cli.run("accounts", "deactivate", "bobacc").err()).contains("cannot deactivate bob/bobacc");

        // stopped, but a position is still open: still refused
        sql("UPDATE strategy_runs SET status = 'stopped' WHERE id = 'b4'");
        assertThat(cli.run("accounts", "delete", "bobacc", "--yes").err()).contains("position pos-sol-1")
                .doesNotContain("run b4 (");
        sql("UPDATE strategy_positions SET status = 'closed' WHERE id = 'pos-sol-1'");
        CliRunner.Result deleted = cli.run("accounts", "delete", "bobacc", "--yes");
        assertThat(deleted.status()).as(deleted.all()).isZero();

        assertThat(cli.run("accounts", "deactivate", "spare").status()).isZero();
        assertThat(cli.run("accounts", "list").out()).containsPattern("spare\\s+no");
        assertThat(cli.run("accounts", "activate", "spare").status()).isZero();
    }

    @Test
    void malformedAndCarelessInputsAreRefusedNamingWhatIsWrong() {
        cli.env.put("PERPFLOW_NEW_MASTER_KEY", "not-a-key");
        CliRunner.Result rotate = cli.run("master-key", "rotate");
        cli.env.remove("PERPFLOW_NEW_MASTER_KEY");
        assertThat(rotate.status()).isEqualTo(1);
        assertThat(rotate.err()).contains("PERPFLOW_NEW_MASTER_KEY is not a valid master key")
                .contains("PERPFLOW_MASTER_KEY is still the key in use");

        CliRunner.Result duplicate = cli.runWithInput("api_key=a\napi_key=b\nsecret_key=c\n", "credentials", "set",
                "spare", "aster");
        assertThat(duplicate.status()).isEqualTo(1);
        assertThat(duplicate.err()).contains("repeats the field api_key").doesNotContain("=b");

        CliRunner.Result port = cli.run("proxies", "add", "far", "socks5://10.0.0.5:99999");
        assertThat(port.status()).isEqualTo(1);
        assertThat(port.err()).contains("1-65535").doesNotContain("Failing row");

        assertThat(cli.run("proxies", "add", "eu-9", "http://10.0.0.9:8080").status()).isZero();
        CliRunner.Result negative = cli.run("proxies", "assign", "spare", "eu-9", "--priority", "-5");
        assertThat(negative.status()).isEqualTo(1);
        assertThat(negative.err()).contains("--priority must be between 0 and 1000");
        assertThat(cli.run("proxies", "assign", "spare", "eu-9").status()).isZero();
        CliRunner.Result delete = cli.run("proxies", "delete", "eu-9");
        assertThat(delete.status()).isEqualTo(1);
        assertThat(delete.err()).contains("assigned to bob/spare").contains("--yes");
        assertThat(cli.run("proxies", "delete", "eu-9", "--yes").status()).isZero();
    }
}

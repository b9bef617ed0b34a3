package dev.perpflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The admin CLI end to end on a real PostgreSQL: a new user, an API key, an account with venue credentials and a
 * proxy; bad input exits 1 with a clear message and changes nothing; no secret is ever printed back or stored in
 * plaintext.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliTest {

    private static final String ASTER_KEY = "aster-api-key-ABCDEF123456";
    private static final String ASTER_SECRET = "aster-secret-0123456789abcdef-SECRET";
    private static final String PROXY_PASSWORD = "proxy-pass-s3cr3t-XYZ";

    private TestDatabase db;
    private CliRunner cli;
    private final String masterKey = MasterKey.generate();
    private String apiKey;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        cli = new CliRunner(db.database().dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", masterKey);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    @Order(1)
    void createsAndListsUsers() {
        CliRunner.Result created = cli.run("users", "create", "alice", "--admin");
        assertThat(created.status()).as(created.all()).isZero();
        assertThat(created.out()).contains("created user alice").contains("admin");
        assertThat(cli.run("users", "create", "bob").status()).isZero();

        CliRunner.Result listed = cli.run("users", "list");
        assertThat(listed.out()).contains("alice").contains("bob");
    }

    @Test
    @Order(2)
    void badUserInputExitsOneAndSaysWhy() throws Exception {
        CliRunner.Result duplicate = cli.run("users", "create", "alice");
        assertThat(duplicate.status()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");
        CliRunner.Result invalid = cli.run("users", "create", "no spaces");
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.err()).contains("not valid");
        assertThat(cli.run("users", "frobnicate").status()).as("usage error").isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM users")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void apiKeyIsShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
        CliRunner.Result created = cli.run("api-keys", "create", "--user", "alice", "--name", "laptop");
        assertThat(created.status()).as(created.all()).isZero();
        Matcher key = Pattern.compile("perp_[0-9a-f]{32}").matcher(created.out());
        assertThat(key.find()).isTrue();
        apiKey = key.group();

        assertThat(db.count("SELECT count(*) FROM api_keys WHERE key_hash LIKE ?", "%" + apiKey.substring(5) + "%"))
                .isZero();
        CliRunner.Result listed = cli.run("api-keys", "list");
        assertThat(listed.out()).contains(apiKey.substring(0, 12)).doesNotContain(apiKey).contains("active");

        ApiKeyRepository keys = new ApiKeyRepository(db.database().dataSource(),
                new AuditLog(db.database().dataSource(), Clock.systemUTC()), Clock.systemUTC());
        Optional<Principal> principal = keys.authenticate(apiKey);
        assertThat(principal).hasValueSatisfying(p -> {
            assertThat(p.username()).isEqualTo("alice");
            assertThat(p.admin()).isTrue();
        });
        // one character changed (a key ending in 0 gets a 1: appending "0" to it left it unchanged, 1 run in 16)
        char last = apiKey.charAt(apiKey.length() - 1);
        assertThat(keys.authenticate(apiKey.substring(0, apiKey.length() - 1) + (last == '0' ? '1' : '0'))).isEmpty();

        CliRunner.Result revoked = cli.run("api-keys", "revoke", apiKey.substring(0, 12));
        assertThat(revoked.status()).as(revoked.all()).isZero();
        // another process revoked it: a running app notices within a second
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(1500))
                .until(() -> keys.authenticate(apiKey).isEmpty());
        assertThat(cli.run("api-keys", "revoke", apiKey.substring(0, 12)).err()).contains("already revoked");
        assertThat(cli.run("api-keys", "create", "--user", "nobody", "--name", "x").err()).contains("no user named");
        assertThat(cli.run("api-keys", "create", "--user", "alice", "--name", "x", "--expires-days", "0").status())
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void addsAnAccountWithCredentialsFromTheEnvironmentEncrypted() throws Exception {
        cli.env.put("ASTER_API_KEY", ASTER_KEY);
        cli.env.put("ASTER_SECRET_KEY", ASTER_SECRET);

        CliRunner.Result added = cli.run("accounts", "add", "main", "--user", "alice", "--from-env");

        assertThat(added.status()).as(added.all()).isZero();
        assertThat(added.out()).contains("with credentials for aster").doesNotContain(ASTER_SECRET)
                .doesNotContain(ASTER_KEY);
        assertThat(db.count("SELECT count(*) FROM account_exchange_credentials WHERE credentials_encrypted LIKE ? "
                + "OR credentials_encrypted LIKE ?", "%" + ASTER_SECRET + "%", "%" + ASTER_KEY + "%")).isZero();
        assertThat(cli.run("credentials", "list", "main").out()).contains("aster").contains("api_key, secret_key")
                .doesNotContain(ASTER_SECRET);
        CredentialStore store = new CredentialStore(db.database().dataSource(), new SecretBox(MasterKey.parse(masterKey)),
                new AuditLog(db.database().dataSource(), Clock.systemUTC()), Clock.systemUTC());
        long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'main'");
        assertThat(store.load(accountId, "aster")).contains(Map.of("api_key", ASTER_KEY, "secret_key", ASTER_SECRET));
        assertThat(cli.run("accounts", "list").out()).contains("main").contains("aster");
    }

    @Test
    @Order(5)
    void incompleteEnvironmentCredentialsCreateNothing() throws Exception {
        cli.env.remove("ASTER_SECRET_KEY");

        CliRunner.Result refused = cli.run("accounts", "add", "second", "--user", "bob", "--from-env");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("aster credentials").contains("missing 'secret_key'")
                .doesNotContain(ASTER_KEY);
        assertThat(db.count("SELECT count(*) FROM accounts WHERE account_name = 'second'")).isZero();
    }

    @Test
    @Order(6)
    void credentialsFromStandardInputAreValidatedStoredAndRemoved() {
        assertThat(cli.run("accounts", "add", "hedge", "--user", "bob").status()).isZero();

        CliRunner.Result bad = cli.runWithInput("public_key=abc\nsecret=oops\n", "credentials", "set", "hedge", "backpack");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown field 'secret'").contains("missing 'secret_key'").doesNotContain("oops");

        CliRunner.Result set = cli.runWithInput("public_key=pubkey-b64\nsecret_key=backpack-seed-SECRET\n",
                "credentials", "set", "hedge", "backpack");
        assertThat(set.status()).as(set.all()).isZero();
        assertThat(set.all()).doesNotContain("backpack-seed-SECRET");
        assertThat(cli.run("credentials", "list", "hedge").out()).contains("backpack");
        assertThat(cli.run("credentials", "set", "hedge", "dydx").err()).contains("unknown venue 'dydx'");

        assertThat(cli.run("credentials", "remove", "hedge", "backpack").status()).isZero();
        assertThat(cli.run("credentials", "remove", "hedge", "backpack").err()).contains("has no backpack credentials");
    }

    @Test
    @Order(7)
    void secretsNeedTheMasterKeyAndTheRightOne() {
        cli.env.remove("PERPFLOW_MASTER_KEY");
        CliRunner.Result missing = cli.runWithInput("api_key=a\nsecret_key=b\n", "credentials", "set", "hedge", "aster");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("PERPFLOW_MASTER_KEY");

        cli.env.put("PERPFLOW_MASTER_KEY", MasterKey.generate());
        CliRunner.Result wrong = cli.run("credentials", "list", "main");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("not the key this database's secrets were encrypted with");
        cli.env.put("PERPFLOW_MASTER_KEY", masterKey);
    }

    @Test
    @Order(8)
    void proxiesAreAddedWithAMaskedPasswordAndAssigned() throws Exception {
        CliRunner.Result added = cli.runWithInput(PROXY_PASSWORD + "\n", "proxies", "add", "eu-1",
                "socks5://alice@10.0.0.5:1080", "--password-stdin");
        assertThat(added.status()).as(added.all()).isZero();
        assertThat(added.out()).contains("socks5://alice:***@10.0.0.5:1080").doesNotContain(PROXY_PASSWORD);
        assertThat(cli.run("proxies", "add", "bad", "ftp://10.0.0.5:21").err()).contains("not supported");
        assertThat(cli.run("proxies", "add", "eu-1", "http://10.0.0.6:8080").err()).contains("already exists");

        CliRunner.Result assigned = cli.run("proxies", "assign", "main", "eu-1", "--priority", "1");
        assertThat(assigned.status()).as(assigned.all()).isZero();
        assertThat(cli.run("proxies", "assign", "main", "eu-1", "--status", "sideways").err()).contains("status");
        CliRunner.Result listed = cli.run("proxies", "list");
        assertThat(listed.out()).contains("eu-1").contains("***").contains("alice/main -> eu-1")
                .doesNotContain(PROXY_PASSWORD);
        assertThat(db.count("SELECT count(*) FROM network_proxies WHERE credentials_encrypted LIKE ?",
                "%" + PROXY_PASSWORD + "%")).isZero();
    }

    @Test
    @Order(9)
    void rotatingTheMasterKeyKeepsEverySecretReadable() throws Exception {
        String newKey = MasterKey.generate();
        cli.env.put("PERPFLOW_NEW_MASTER_KEY", newKey);

        CliRunner.Result rotated = cli.run("master-key", "rotate");

        assertThat(rotated.status()).as(rotated.all()).isZero();
        assertThat(rotated.out()).contains("re-encrypted 1 credential set(s) and 1 proxy login(s)");
        assertThat(cli.run("credentials", "list", "main").status()).as("old key no longer opens it").isEqualTo(1);
        cli.env.put("PERPFLOW_MASTER_KEY", newKey);
        assertThat(cli.run("credentials", "list", "main").out()).contains("aster");
        assertThat(cli.run("proxies", "list").out()).contains("socks5://alice:***@10.0.0.5:1080");
        long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'main'");
        CredentialStore store = new CredentialStore(db.database().dataSource(), new SecretBox(MasterKey.parse(newKey)),
                new AuditLog(db.database().dataSource(), Clock.systemUTC()), Clock.systemUTC());
        assertThat(store.load(accountId, "aster")).contains(Map.of("api_key", ASTER_KEY, "secret_key", ASTER_SECRET));
    }

    @Test
    @Order(10)
    void deletingAnAccountNeedsConfirmationAndEveryActionIsAudited() throws Exception {
        assertThat(cli.run("accounts", "delete", "hedge").err()).contains("--yes");
        assertThat(cli.run("accounts", "delete", "hedge", "--yes").status()).isZero();
        assertThat(cli.run("accounts", "delete", "nope", "--yes").err()).contains("no account named");

        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action IN ('api_key_created', 'api_key_revoked', "
                + "'credentials_set', 'credentials_removed', 'proxy_added', 'proxy_assigned', 'master_key_rotated', "
                + "'account_deleted')")).isGreaterThanOrEqualTo(8);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE details::text LIKE ? OR details::text LIKE ?",
                "%" + ASTER_SECRET + "%", "%" + PROXY_PASSWORD + "%")).isZero();
    }

    @Test
    @Order(11)
    void expiredKeysStopWorkingAndProxiesCanBeDeleted() throws Exception {
        CliRunner.Result created = cli.run("api-keys", "create", "--user", "bob", "--name", "short", "--expires-days", "1");
        Matcher key = Pattern.compile("perp_[0-9a-f]{32}").matcher(created.out());
        assertThat(key.find()).isTrue();
        java.time.Instant inTwoDays = java.time.Instant.now().plus(java.time.Duration.ofDays(2));
        ApiKeyRepository now = new ApiKeyRepository(db.database().dataSource(),
                new AuditLog(db.database().dataSource(), Clock.systemUTC()), Clock.systemUTC());
        ApiKeyRepository later = new ApiKeyRepository(db.database().dataSource(),
                new AuditLog(db.database().dataSource(), Clock.systemUTC()), Clock.fixed(inTwoDays, java.time.ZoneOffset.UTC));
        assertThat(now.authenticate(key.group())).isPresent();
        assertThat(later.authenticate(key.group())).as("expired").isEmpty();
        assertThat(cli.run("api-keys", "list", "--user", "bob").out()).contains("short").contains("active");

        CliRunner.Result unconfirmed = cli.run("proxies", "delete", "eu-1");
        assertThat(unconfirmed.status()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("assigned to alice/main").contains("--yes");
        assertThat(cli.run("proxies", "delete", "eu-1", "--yes").status()).isZero();
        assertThat(cli.run("proxies", "list").out()).doesNotContain("eu-1");
        assertThat(cli.run("proxies", "delete", "eu-1").err()).contains("no proxy labelled 'eu-1'");
    }

    @Test
    @Order(12)
    void migratesAndGeneratesKeys() throws Exception {
        long latest = db.count("SELECT max(version::int) FROM flyway_schema_history WHERE success");
        assertThat(latest).isGreaterThanOrEqualTo(7);
        assertThat(cli.run("db", "migrate").out()).contains("database migrated: schema version " + latest);
        CliRunner.Result generated = cli.run("master-key", "generate");
        assertThat(generated.out().strip()).hasSize(44);
        assertThat(MasterKey.parse(generated.out().strip())).isNotNull();
    }
}

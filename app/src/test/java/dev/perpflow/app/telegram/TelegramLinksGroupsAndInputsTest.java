package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bot as a careless or hostile user meets it, through the fake Bot API (issue 16, items 6 and 11-14): a link is
 * bound to its API key and ends when the key is revoked, a linked perpflow user is never taken over silently, group
 * chats get no account data and no secret wizard, errors come as one capped message, forged or truncated buttons and
 * bad inputs are refused without internal errors, and {@code /auth} is throttled and audited.
 */
class TelegramLinksGroupsAndInputsTest extends AppTestSupport {

    private static final String TOKEN = "654321:SECURITY-TOKEN";
    private static final String BOOTSTRAP = "telegram-security-bootstrap-key-42";
    private static final String MASTER = dev.perpflow.app.security.MasterKey.generate();
    private static final long ALICE_PHONE = 3001;
    private static final long ALICE_LAPTOP = 3002;
    private static final long BOB = 3003;
    private static final long ADMIN = 3004;
    private static final long MALLORY = 3005;
    private static final long OPS = 3006;
    private static final long GROUP = -7000;
    private static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    private final FakeTelegram telegram = TELEGRAM;

    @AfterAll
    static void stopFake() {
        TELEGRAM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.telegram.token", TOKEN);
        properties.setProperty("perpflow.telegram.base-uri", TELEGRAM.baseUri().toString());
        properties.setProperty("perpflow.telegram.poll-delay-millis", "100");
        properties.setProperty("perpflow.api-key", BOOTSTRAP);
        properties.setProperty("perpflow.master-key", MASTER);
        return properties;
    }

    private ApiKeyRepository keys() {
        return new ApiKeyRepository(dataSource(), new AuditLog(dataSource(), Clock.systemUTC()), Clock.systemUTC());
    }

    private ApiKeyRepository.Created keyOf(String username) {
        UserRepository users = new UserRepository(dataSource(), Clock.systemUTC());
        UserRepository.User user = users.find(username).orElseGet(() -> users.create(username, false));
        return keys().create(user, "telegram", null, "test");
    }

    private void link(long telegramUser, String key, String expected) {
        telegram.sendPrivate(telegramUser, "/auth " + key);
        telegram.awaitText(telegramUser, expected);
    }

    private long audited(String action) throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = ?")) {
            ps.setString(1, action);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aLinkEndsWhenItsKeyIsRevokedAndIsNeverTakenOverSilently() throws Exception {
        ApiKeyRepository.Created alice = keyOf("alice");
        link(ALICE_PHONE, alice.key(), "Linked to perpflow user *alice*");
        telegram.sendPrivate(ALICE_PHONE, "/list_strategies");
        telegram.awaitText(ALICE_PHONE, "No runs.");

        // another Telegram account with the same (leaked) key: refused, audited, and the linked account is told
        long before = audited("telegram_link_refused");
        telegram.sendPrivate(ALICE_LAPTOP, "/auth " + alice.key());
        telegram.awaitText(ALICE_LAPTOP, "linked to another Telegram account");
        telegram.await(ALICE_PHONE, text -> text.contains("another Telegram account (id " + ALICE_LAPTOP + ")"),
                Duration.ofSeconds(30));
        assertThat(audited("telegram_link_refused")).isEqualTo(before + 1);
        telegram.sendPrivate(ALICE_LAPTOP, "/status");
        telegram.awaitText(ALICE_LAPTOP, "not authorized");
        telegram.sendPrivate(ALICE_PHONE, "/limits");
        telegram.awaitText(ALICE_PHONE, "Safety limits");

        // the key is revoked (by the CLI, another process): the next command ends the link
        keys().revoke(String.valueOf(alice.info().id()), "test");
        Thread.sleep(1_100);
        telegram.sendPrivate(ALICE_PHONE, "/list_strategies");
        telegram.awaitText(ALICE_PHONE, "Your link to perpflow ended");
        telegram.sendPrivate(ALICE_PHONE, "/list_strategies");
        telegram.awaitText(ALICE_PHONE, "not authorized");
        assertThat(audited("telegram_link_ended")).isPositive();
    }

    @Test
    void aLinkWhoseKeyWasRevokedHearsNoMoreNotifications() throws Exception {
        link(ADMIN, BOOTSTRAP, "Linked to perpflow user *admin* (admin)");
        UserRepository users = new UserRepository(dataSource(), Clock.systemUTC());
        UserRepository.User ops = users.create("ops", true);
        ApiKeyRepository.Created opsKey = keys().create(ops, "phone", null, "test");
        link(OPS, opsKey.key(), "Linked to perpflow user *ops* (admin)");
        keys().revoke(String.valueOf(opsKey.info().id()), "test");
        Thread.sleep(1_100);
        int opsBefore = telegram.textsTo(OPS).size();
        var http = java.net.http.HttpClient.newHttpClient();
        for (String action : List.of("halt", "resume")) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + port() + "/api/v1/" + action)).header("X-API-Key", BOOTSTRAP)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        telegram.await(ADMIN, text -> text.contains("Trading halted"), Duration.ofSeconds(30));
        telegram.await(ADMIN, text -> text.contains("resumed"), Duration.ofSeconds(30));
        assertThat(telegram.textsTo(OPS).subList(opsBefore, telegram.textsTo(OPS).size()))
                .noneMatch(text -> text.contains("halted") || text.contains("resumed"));
    }

    @Test
    void groupsGetNoAccountDataAndNoSecretWizard() throws Exception {
        link(ADMIN, BOOTSTRAP, "Linked to perpflow user *admin* (admin)");
        for (String command : List.of("/status", "/positions", "/balances", "/list_accounts", "/add_proxy",
                "/add_exchange", "/create_config", "/logs dev-grid", "/halt")) {
            telegram.send(ADMIN, GROUP, "group", command + "@perpflow_bot");
            telegram.await(GROUP, text -> text.contains("Use a private chat"), Duration.ofSeconds(30));
        }
        telegram.press(ADMIN, GROUP, "group", "halt:yes");
        telegram.await(GROUP, text -> text.contains("Use a private chat"), Duration.ofSeconds(30));
        telegram.send(ADMIN, GROUP, "group", "/opportunities");
        telegram.await(GROUP, text -> text.contains("opportunit"), Duration.ofSeconds(30));
        assertThat(telegram.textsTo(GROUP)).noneMatch(text -> text.contains("Trading:") || text.contains("proxy URL")
                || text.contains("Balances") || text.contains("HALTED"));

        // a key sent in a group is deleted and the user is told to revoke it
        long leaked = telegram.send(MALLORY, GROUP, "group", "/auth " + BOOTSTRAP);
        telegram.await(GROUP, text -> text.contains("Never send an API key in a group"), Duration.ofSeconds(30));
        assertThat(telegram.calls("deleteMessage")).extracting(c -> c.body().path("message_id").asLong())
                .contains(leaked);
    }

    @Test
    void aConfigWithAThousandUnknownKeysGetsOneCappedMessage() {
        link(ADMIN, BOOTSTRAP, "Linked to perpflow user");
        telegram.sendPrivate(ADMIN, "/create_config");
        telegram.awaitText(ADMIN, "Which strategy?");
        telegram.pressPrivate(ADMIN, "cc:grid");
        telegram.awaitText(ADMIN, "Name of the config?");
        telegram.sendPrivate(ADMIN, "many_keys");
        telegram.awaitText(ADMIN, "Send the config as YAML");
        int sentBefore = telegram.textsTo(ADMIN).size();
        telegram.sendPrivate(ADMIN, IntStream.range(0, 1100).mapToObj(i -> "unknown_key_" + i + ": 1")
                .collect(Collectors.joining("\n")));
        String reply = telegram.awaitText(ADMIN, "That config has problems").text();
        assertThat(reply.length()).isLessThan(4096);
        assertThat(reply).contains("more problem(s)");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> telegram.textsTo(ADMIN).size() == sentBefore + 1);
    }

    @Test
    void truncatedAndForgedButtonsAndBadInputsAreRefusedWithoutInternalErrors() throws Exception {
        ApiKeyRepository.Created bob = keyOf("bob");
        link(BOB, bob.key(), "Linked to perpflow user *bob*");
        for (String data : List.of("ax", "ss", "rr", "lg", "cl", "rc", "ax:abc", "rc:x", "ss:", "rc:1:2:3:4:5:6",
                "cl:" + "x".repeat(80), "ax:1;DROP")) {
            telegram.pressPrivate(BOB, data);
            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("answerCallbackQuery").size() > 0);
        }
        Thread.sleep(1_500);
        List<String> replies = telegram.textsTo(BOB);
        assertThat(replies).noneMatch(text -> text.contains("Exception") || text.contains("Something went wrong")
                || text.contains("Index"));

        telegram.pressPrivate(BOB, "rc:999999:d");
        telegram.awaitText(BOB, "no saved config 999999");

        // a forged button starting bob's saved config on someone else's account
        UserRepository.User carol = new UserRepository(dataSource(), Clock.systemUTC()).create("carol", false);
        long carolsAccount = new AccountRepository(dataSource(), new AuditLog(dataSource(), Clock.systemUTC()),
                Clock.systemUTC()).create(carol, "carols", null, "test").id();
        telegram.sendPrivate(BOB, "/create_config");
        telegram.pressPrivate(BOB, "cc:funding_arbitrage");
        telegram.awaitText(BOB, "Name of the config?");
        telegram.sendPrivate(BOB, "bobs_arb");
        telegram.awaitText(BOB, "Send the config as YAML");
        telegram.sendPrivate(BOB, "scan_exchanges: [sim-a, sim-b]");
        String run = telegram.awaitText(BOB, "Saved config").buttons().get(0);
        telegram.pressPrivate(BOB, run + ":" + carolsAccount);
        telegram.awaitText(BOB, "that account is not yours");
        telegram.pressPrivate(BOB, run + ":d");
        telegram.awaitText(BOB, "that account is not yours");

        // a proxy port out of range is named before the database sees it (no row, no ciphertext echoed)
        telegram.sendPrivate(BOB, "/create_account");
        telegram.awaitText(BOB, "Name of the new account?");
        telegram.sendPrivate(BOB, "bobs");
        telegram.awaitText(BOB, "Description?");
        telegram.sendPrivate(BOB, "-");
        telegram.awaitText(BOB, "Created account");
        telegram.sendPrivate(BOB, "/add_proxy");
        telegram.pressPrivate(BOB, telegram.awaitText(BOB, "Proxy for which account?").buttons().get(0));
        telegram.awaitText(BOB, "Send the proxy URL");
        telegram.sendPrivate(BOB, "socks5://bob:pw-secret@10.1.2.3:99999");
        String refusal = telegram.awaitText(BOB, "not usable").text();
        assertThat(refusal).contains("1-65535").doesNotContain("Failing row").doesNotContain("pw-secret");
    }

    @Test
    void wrongKeysAreThrottledAuditedAndNeverEchoed() throws Exception {
        long before = audited("telegram_auth_failed");
        for (int i = 0; i < 7; i++) {
            telegram.sendPrivate(MALLORY, "/auth perp_" + String.format("%032x", i));
            telegram.await(MALLORY, text -> text.contains("not valid") || text.contains("Too many wrong keys"),
                    Duration.ofSeconds(30));
        }
        List<String> replies = telegram.textsTo(MALLORY);
        assertThat(replies.stream().filter(t -> t.contains("not valid")).count()).isEqualTo(5);
        assertThat(replies.stream().filter(t -> t.contains("Too many wrong keys")).count()).isEqualTo(2);
        assertThat(audited("telegram_auth_failed")).isEqualTo(before + 5);
        assertThat(replies).noneMatch(t -> t.contains("perp_0000"));
    }
}

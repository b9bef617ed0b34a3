package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.security.FailedAttempts;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.component.telegram.model.Chat;
import org.apache.camel.component.telegram.model.IncomingMessage;
import org.apache.camel.component.telegram.model.OutgoingMessage;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.apache.camel.component.telegram.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bot on a server started without {@code PERPFLOW_MASTER_KEY} (issue 16, item 16): an admin still lists accounts
 * with their venues and proxies by name, and the secret wizards say at once that nothing can be stored, before
 * anyone types a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotWithoutMasterKeyTest {

    private static final long ADMIN = 4001;

    private TestDatabase db;
    private DataSource ds;
    private final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    private long messageIds = 100;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        ds = db.database().dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        UserRepository.User admin = users.create("root", true);
        long keyId = keys().create(admin, "bot", null, "test").info().id();
        users.linkTelegram(admin, ADMIN, keyId, null);
        // stored earlier, when the server had its master key
        SecretBox box = new SecretBox(MasterKey.parse(MasterKey.generate()));
        AccountRepository.Account main = new AccountRepository(ds, audit, clock).create(admin, "main", null, "test");
        new CredentialStore(ds, box, audit, clock).set(main, "aster", Map.of("api_key", "k", "secret_key", "s"),
                "test");
        ProxyRepository proxies = new ProxyRepository(ds, box, audit, clock);
        proxies.add("eu-1", "socks5://u:p@10.0.0.5:1080", "test");
        proxies.assign(main, "eu-1", 0, "active", "test");
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private ApiKeyRepository keys() {
        return new ApiKeyRepository(ds, new AuditLog(ds, Clock.systemUTC()), Clock.systemUTC());
    }

    private TelegramBot bot() {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        WizardStore wizards = new WizardStore(ds, clock);
        FailedAttempts failures = new FailedAttempts(5, Duration.ofMinutes(10), clock);
        // as AppSecrets.box() does without the master key
        java.util.function.Supplier<SecretBox> noBox = () -> {
            throw new AccountsException("reading an account's stored credentials needs PERPFLOW_MASTER_KEY");
        };
        return new TelegramBot(users, wizards, new AuthCommands(new ApiKeyCheck("", keys(), failures), users,
                audit, failures), List.of(new AccountCommands(users, new AccountRepository(ds, audit, clock),
                        () -> new CredentialStore(ds, noBox.get(), audit, clock),
                        () -> new ProxyRepository(ds, noBox.get(), audit, clock), wizards, () -> false)));
    }

    private String say(TelegramBot bot, String text) {
        int before = sent.size();
        IncomingMessage message = new IncomingMessage();
        message.setMessageId(++messageIds);
        message.setText(text);
        message.setDate(Instant.now());
        User from = new User();
        from.setId(ADMIN);
        message.setFrom(from);
        Chat chat = new Chat();
        chat.setId(String.valueOf(ADMIN));
        chat.setType("private");
        message.setChat(chat);
        bot.onMessage(message, sent::add);
        StringBuilder replies = new StringBuilder();
        for (OutgoingMessage reply : sent.subList(before, sent.size())) {
            if (reply instanceof OutgoingTextMessage textMessage) {
                replies.append(textMessage.getText()).append('\n');
            }
        }
        return replies.toString();
    }

    @Test
    void accountsAreListedByNameAndSecretWizardsRefuseBeforeAskingForASecret() {
        TelegramBot bot = bot();
        assertThat(say(bot, "/list_accounts")).contains("root/main").contains("aster").contains("eu-1 (active)")
                .doesNotContain("went wrong");
        assertThat(say(bot, "/add_exchange")).contains("cannot store secrets").contains("MASTER")
                .doesNotContain("which account");
        assertThat(say(bot, "/add_proxy")).contains("cannot store secrets");
        assertThat(new WizardStore(ds, Clock.systemUTC()).find(ADMIN)).isEmpty();
    }
}

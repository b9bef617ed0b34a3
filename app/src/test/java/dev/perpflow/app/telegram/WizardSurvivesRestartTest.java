package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.security.FailedAttempts;
import java.time.Duration;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.component.telegram.model.Chat;
import org.apache.camel.component.telegram.model.EditMessageDelete;
import org.apache.camel.component.telegram.model.IncomingMessage;
import org.apache.camel.component.telegram.model.OutgoingMessage;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.apache.camel.component.telegram.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wizards live in the database: a bot built again over the same database (an app restart) continues the user's
 * wizard; and the credentials wizard deletes every message holding a value and stores them encrypted only at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WizardSurvivesRestartTest {

    private static final long ALICE = 4242;

    private TestDatabase db;
    private DataSource ds;
    private final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    private final SecretBox box = new SecretBox(MasterKey.parse(MasterKey.generate()));
    private long messageIds = 100;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        ds = db.database().dataSource();
        UserRepository users = new UserRepository(ds, Clock.systemUTC());
        UserRepository.User alice = users.create("alice", false);
        // the link is bound to the API key alice linked with (it ends when that key is revoked)
        long keyId = keys().create(alice, "bot", null, "test").info().id();
        users.linkTelegram(alice, ALICE, keyId, null);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private TelegramBot bot() {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        WizardStore wizards = new WizardStore(ds, clock);
        FailedAttempts failures = new FailedAttempts(5, Duration.ofMinutes(10), clock);
        return new TelegramBot(users, wizards, new AuthCommands(new ApiKeyCheck("", keys(), failures), users,
                audit, failures), List.of(new AccountCommands(users, new AccountRepository(ds, audit, clock),
                        () -> new CredentialStore(ds, box, audit, clock), () -> new ProxyRepository(ds, box, audit, clock),
                        wizards, () -> true)));
    }

    private ApiKeyRepository keys() {
        return new ApiKeyRepository(ds, new AuditLog(ds, Clock.systemUTC()), Clock.systemUTC());
    }

    private void type(TelegramBot bot, String text) {
        IncomingMessage message = new IncomingMessage();
        message.setMessageId(++messageIds);
        message.setText(text);
        message.setDate(Instant.now());
        User from = new User();
        from.setId(ALICE);
        message.setFrom(from);
        Chat chat = new Chat();
        chat.setId(String.valueOf(ALICE));
        chat.setType("private");
        message.setChat(chat);
        bot.onMessage(message, sent::add);
    }

    private String lastText() {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i) instanceof OutgoingTextMessage text) {
                return text.getText();
            }
        }
        return "";
    }

    @Test
    void aWizardContinuesAfterARestartAndSecretsAreDeletedAndEncrypted() throws Exception {
        TelegramBot before = bot();
        type(before, "/create_account");
        assertThat(lastText()).contains("Name of the new account?");
        type(before, "main");
        assertThat(lastText()).contains("Description?");

        TelegramBot after = bot(); // the app restarted
        type(after, "my main account");
        assertThat(lastText()).contains("Created account *main*");
        long accountId = db.count("SELECT id FROM accounts WHERE account_name = 'main'");

        WizardStore wizards = new WizardStore(ds, Clock.systemUTC());
        wizards.save(ALICE, String.valueOf(ALICE), new WizardStore.Wizard(AccountCommands.EXCHANGE, "api_key",
                Map.of("account", String.valueOf(accountId), "venue", "aster")));
        TelegramBot bot = bot();
        type(bot, "alice-api-key-value");
        long keyMessage = messageIds;
        assertThat(lastText()).contains("secret\\_key");
        assertThat(db.count("SELECT count(*) FROM account_exchange_credentials")).as("nothing stored half-way")
                .isZero();
        type(bot, "alice-secret-value");
        assertThat(lastText()).contains("Stored the aster credentials");
        assertThat(sent).filteredOn(m -> m instanceof EditMessageDelete).extracting(m -> ((EditMessageDelete) m)
                .getMessageId()).contains((int) keyMessage, (int) messageIds);
        assertThat(db.count("SELECT count(*) FROM account_exchange_credentials WHERE credentials_encrypted LIKE ?",
                "%alice-secret-value%")).isZero();
        assertThat(db.count("SELECT count(*) FROM telegram_wizards WHERE data::text LIKE ?", "%alice%")).isZero();
        assertThat(sent).filteredOn(m -> m instanceof OutgoingTextMessage)
                .noneMatch(m -> ((OutgoingTextMessage) m).getText().contains("alice-secret-value"));
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.notifications.NotificationOutbox;
import dev.perpflow.app.security.AppSecrets;
import dev.perpflow.app.security.FailedAttempts;
import dev.perpflow.app.control.ControlService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.telegram.TelegramComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures the Telegram side for the YAML routes (routes/telegram.camel.yaml, routes/notifications.camel.yaml):
 * the {@code telegram} component (token and {@code perpflow.telegram.base-uri}), the {@code telegramBot} and
 * {@code telegramNotifier} beans, and {@code perpflow.telegram.enabled}, which starts those routes only when a token
 * is set ({@code perpflow.telegram.token}, or {@code TELEGRAM_BOT_TOKEN}). Without a token nothing Telegram runs.
 */
public final class TelegramSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSetup.class);
    public static final String DEFAULT_BASE_URI = "https://api.telegram.org";
    /** Whether the Telegram routes start: set here, from whether a token is configured. */
    public static final String ENABLED = "perpflow.telegram.enabled";

    private TelegramSetup() {
    }

    public static boolean configure(CamelContext context, PropertyReader properties, DataSource dataSource,
            ApiKeyCheck keys, ControlService control, NotificationOutbox outbox, AppSecrets secrets, AuditLog audit, Clock clock) {
        Optional<String> token = properties.optional("perpflow.telegram.token").filter(t -> !t.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("TELEGRAM_BOT_TOKEN")).filter(t -> !t.isBlank()));
        String baseUri = properties.string("perpflow.telegram.base-uri", DEFAULT_BASE_URI);
        TelegramComponent component = context.getComponent("telegram", TelegramComponent.class);
        // the routes exist either way (they only start with a token); the component refuses endpoints without one
        component.setAuthorizationToken(token.orElse("no-token-configured"));
        component.setBaseUri(baseUri);
        context.getPropertiesComponent().addOverrideProperty(ENABLED, String.valueOf(token.isPresent()));

        UserRepository users = new UserRepository(dataSource, clock);
        AccountRepository accounts = new AccountRepository(dataSource, audit, clock);
        WizardStore wizards = new WizardStore(dataSource, clock);
        // /auth: 5 wrong keys per Telegram user per 10 minutes
        FailedAttempts authFailures = new FailedAttempts(5, Duration.ofMinutes(10), clock);
        TelegramBot bot = new TelegramBot(users, wizards, new AuthCommands(keys, users, audit, authFailures), List.of(
                new TradingCommands(control),
                new AccountCommands(users, accounts, () -> new CredentialStore(dataSource, secrets.box(), audit, clock),
                        () -> new ProxyRepository(dataSource, secrets.box(), audit, clock), wizards,
                        secrets::available),
                new StrategyCommands(control, accounts, wizards)));
        context.getRegistry().bind("telegramBot", bot);
        context.getRegistry().bind("telegramNotifier", new TelegramNotifier(users, outbox, telegramUserId -> users
                .findTelegramLink(telegramUserId).map(link -> keys.isLinkLive(link.keyId(), link.fingerprint()))
                .orElse(false)));
        if (token.isEmpty()) {
            LOG.info("Telegram bot off: no perpflow.telegram.token (TELEGRAM_BOT_TOKEN)");
            return false;
        }
        LOG.info("Telegram bot on, Bot API at {}", baseUri);
        return true;
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.AccountAccess;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.api.ControlApi;
import dev.perpflow.app.api.OpportunitiesApi;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.fundingarb.NotificationRepository;
import dev.perpflow.app.security.AppSecrets;
import dev.perpflow.app.strategy.StrategyRuntime;
import dev.perpflow.app.security.FailedAttempts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Telegram bot on when a token is set ({@code perpflow.telegram.token}, or {@code TELEGRAM_BOT_TOKEN}):
 * binds the bot and the notifier and adds their routes against {@code perpflow.telegram.base-uri}. Without a token
 * nothing Telegram runs.
 */
public final class TelegramSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSetup.class);
    public static final String DEFAULT_BASE_URI = "https://api.telegram.org";

    private TelegramSetup() {
    }

    public static boolean configure(CamelContext context, PropertyReader properties, DataSource dataSource,
            ApiKeyCheck keys, ControlApi control, OpportunitiesApi opportunities, AccountAccess access,
            StrategyRuntime runtime, NotificationRepository notifications, AppSecrets secrets, AuditLog audit,
            Clock clock) throws Exception {
        Optional<String> token = properties.optional("perpflow.telegram.token")
                .or(() -> Optional.ofNullable(System.getenv("TELEGRAM_BOT_TOKEN")).filter(t -> !t.isBlank()));
        if (token.isEmpty()) {
            LOG.info("Telegram bot off: no perpflow.telegram.token (TELEGRAM_BOT_TOKEN)");
            return false;
        }
        String baseUri = properties.string("perpflow.telegram.base-uri", DEFAULT_BASE_URI);
        TelegramRoutes routes = new TelegramRoutes(token.get(), baseUri,
                properties.integer("perpflow.telegram.poll-delay-millis", 500, 50, 60_000));
        LazySender sender = new LazySender(context, routes);
        UserRepository users = new UserRepository(dataSource, clock);
        AccountRepository accounts = new AccountRepository(dataSource, audit, clock);
        WizardStore wizards = new WizardStore(dataSource, clock);
        // /auth: 5 wrong keys per Telegram user per 10 minutes
        FailedAttempts authFailures = new FailedAttempts(5, Duration.ofMinutes(10), clock);
        TelegramBot bot = new TelegramBot(sender, users, wizards, new AuthCommands(keys, users, audit, authFailures,
                sender), List.of(
                new TradingCommands(control, opportunities, access, dataSource),
                new AccountCommands(users, accounts, () -> new CredentialStore(dataSource, secrets.box(), audit, clock),
                        () -> new ProxyRepository(dataSource, secrets.box(), audit, clock), wizards,
                        secrets::available),
                new StrategyCommands(runtime, access, accounts, wizards)));
        context.getRegistry().bind("telegramBot", bot);
        context.getRegistry().bind("telegramNotifier",
                new TelegramNotifier(notifications, users, dataSource, sender, clock, telegramUserId -> users
                        .findTelegramLink(telegramUserId).map(link -> keys.isLinkLive(link.keyId(), link.fingerprint()))
                        .orElse(false)));
        routes.addTo(context);
        LOG.info("Telegram bot on, Bot API at {}", baseUri);
        return true;
    }

    /** The producer template is made on first use, when the context runs. */
    private static final class LazySender implements TelegramSender {

        private final CamelContext context;
        private final TelegramRoutes routes;
        private volatile TelegramSender delegate;

        LazySender(CamelContext context, TelegramRoutes routes) {
            this.context = context;
            this.routes = routes;
        }

        @Override
        public void send(org.apache.camel.component.telegram.model.OutgoingMessage message) {
            TelegramSender current = delegate;
            if (current == null) {
                synchronized (this) {
                    if (delegate == null) {
                        ProducerTemplate template = context.createProducerTemplate();
                        delegate = routes.sender(template);
                    }
                    current = delegate;
                }
            }
            current.send(message);
        }
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.fundingarb.NotificationRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.component.telegram.TelegramParseMode;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers strategy notifications (positions opened and closed, insufficient margin, liquidation risk, grid
 * warnings, halts, run errors) to their owner on Telegram: the owner of the run's account, or every linked admin for
 * the {@code default} account and global events. A notification is marked sent only after Telegram accepted it and
 * is retried on the next round otherwise (for 24 hours); rows are locked while being sent, so two nodes never send
 * the same one.
 */
public final class TelegramNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);
    static final Duration MAX_AGE = Duration.ofHours(24);

    private final NotificationRepository notifications;
    private final UserRepository users;
    private final DataSource dataSource;
    private final TelegramSender sender;
    private final Clock clock;
    private final java.util.function.LongPredicate linkAlive;

    /** {@code linkAlive}: whether a Telegram user's link still holds (its API key live); others are not told. */
    public TelegramNotifier(NotificationRepository notifications, UserRepository users, DataSource dataSource,
            TelegramSender sender, Clock clock, java.util.function.LongPredicate linkAlive) {
        this.linkAlive = linkAlive;
        this.notifications = notifications;
        this.users = users;
        this.dataSource = dataSource;
        this.sender = sender;
        this.clock = clock;
    }

    /** Timer step: one delivery round. */
    public void deliver() {
        int sent = notifications.deliver(20, MAX_AGE, clock.instant(), this::send);
        if (sent > 0) {
            LOG.debug("Delivered {} notification(s) on Telegram", sent);
        }
    }

    private void send(NotificationRepository.Pending notification) throws SQLException {
        Object account = notification.details().get("account");
        List<Long> recipients = recipients(notification.runId(), account instanceof String name ? name : null);
        if (recipients.isEmpty()) {
            throw new IllegalStateException("nobody to tell: the owner has not linked Telegram (/auth)");
        }
        String text = format(notification);
        for (long recipient : recipients) {
            for (String part : ChatText.split(text, ChatText.LIMIT)) {
                OutgoingTextMessage message = new OutgoingTextMessage();
                message.setChatId(String.valueOf(recipient));
                message.setText(part);
                message.setParseMode(TelegramParseMode.MARKDOWN.getCode());
                sender.send(message);
            }
        }
    }

    /** The owner of the run's account, or of the account an execution alert or a halt names; admins otherwise. */
    private List<Long> recipients(String runId, String accountName) throws SQLException {
        Optional<String> account = runId != null ? accountOf(runId) : Optional.ofNullable(accountName);
        List<Long> linked;
        if (account.isPresent() && account.get().contains("/")) {
            String owner = account.get().substring(0, account.get().indexOf('/'));
            linked = users.find(owner).filter(u -> u.active() && u.telegramUserId() != null)
                    .map(u -> List.of(u.telegramUserId())).orElse(List.of());
        } else {
            linked = users.adminTelegramIds();
        }
        // a link whose API key was revoked or expired hears nothing more of the account
        List<Long> recipients = new ArrayList<>();
        for (long telegramUserId : linked) {
            if (linkAlive.test(telegramUserId)) {
                recipients.add(telegramUserId);
            }
        }
        return recipients;
    }

    private Optional<String> accountOf(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT account FROM strategy_runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static String format(NotificationRepository.Pending n) {
        String title = switch (n.type()) {
            case "position_opened" -> "Position opened";
            case "position_closed" -> "Position closed";
            case "insufficient_margin" -> "Insufficient margin";
            case "liquidation_risk" -> "Liquidation risk";
            case "grid_warning" -> "Grid warning";
            case "halt" -> "Trading halted";
            case "resume" -> "Trading resumed";
            case "run_error" -> "Run error";
            case "execution_alert" -> "Execution alert";
            case "naked_leg" -> "Naked leg";
            case "close_failing" -> "Close failing";
            default -> n.type();
        };
        StringBuilder text = new StringBuilder("*").append(title).append("*");
        if (n.runId() != null) {
            text.append(" · ").append(ChatText.escape(n.runId()));
        }
        if (n.symbol() != null) {
            text.append(" · ").append(ChatText.escape(n.symbol()));
        }
        text.append('\n').append(ChatText.escape(n.message()));
        for (Map.Entry<String, Object> detail : n.details().entrySet()) {
            if (detail.getValue() != null && !(detail.getValue() instanceof Map) && !(detail.getValue() instanceof List)) {
                text.append('\n').append(ChatText.escape(detail.getKey())).append(": ")
                        .append(ChatText.escape(detail.getValue()));
            }
        }
        return text.toString();
    }
}

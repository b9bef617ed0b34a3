package dev.perpflow.app.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.json.Json;
import dev.perpflow.app.notifications.NotificationOutbox;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.apache.camel.Exchange;
import org.apache.camel.component.telegram.TelegramParseMode;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code telegram-notifications} route's bean (routes/notifications.camel.yaml): turns one notification of the
 * outbox into the Telegram messages that tell it, to the owner of its account (an {@code owner/name} account), or to
 * every linked admin for the {@code default} account and for events of no account. Only links whose API key is
 * still live are told.
 */
public final class TelegramNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);

    private final UserRepository users;
    private final NotificationOutbox outbox;
    private final LongPredicate linkAlive;

    /** {@code linkAlive}: whether a Telegram user's link still holds (its API key live); others are not told. */
    public TelegramNotifier(UserRepository users, NotificationOutbox outbox, LongPredicate linkAlive) {
        this.users = users;
        this.outbox = outbox;
        this.linkAlive = linkAlive;
    }

    /**
     * Route step (the {@code telegram-notifications} route's catch): the notification in the exchange property
     * {@code notificationId} was not delivered; the reason is recorded and logged without the Bot API URL's token,
     * and the notification is tried again next round.
     */
    public void undelivered(Exchange exchange) throws SQLException {
        long id = exchange.getProperty("notificationId", Long.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = TelegramErrors.describe(failure);
        LOG.warn("Notification {} not delivered yet ({}); tried again in a moment", id, why);
        outbox.undelivered(id, why);
    }

    /**
     * Route step: the body is a claimed {@code strategy_notifications} row (id, run_id, account, type, level,
     * symbol, message, details). Throws when nobody can be told yet (the owner has not linked Telegram), so the
     * row is kept and tried again.
     */
    public List<OutgoingTextMessage> messages(Map<String, Object> row) throws JsonProcessingException {
        String account = (String) row.get("account");
        List<Long> recipients = recipients(account);
        if (recipients.isEmpty()) {
            throw new IllegalStateException("nobody to tell: the owner has not linked Telegram (/auth)");
        }
        String text = format((String) row.get("type"), (String) row.get("level"), (String) row.get("run_id"),
                (String) row.get("symbol"), (String) row.get("message"), Json.readObject((String) row.get("details")));
        List<OutgoingTextMessage> messages = new ArrayList<>();
        for (long recipient : recipients) {
            for (String part : ChatText.split(text, ChatText.LIMIT)) {
                OutgoingTextMessage message = new OutgoingTextMessage();
                message.setChatId(String.valueOf(recipient));
                message.setText(part);
                message.setParseMode(TelegramParseMode.MARKDOWN.getCode());
                messages.add(message);
            }
        }
        return messages;
    }

    private List<Long> recipients(String account) {
        List<Long> linked;
        if (account != null && account.contains("/")) {
            String owner = account.substring(0, account.indexOf('/'));
            linked = users.find(owner).filter(u -> u.active() && u.telegramUserId() != null)
                    .map(u -> List.of(u.telegramUserId())).orElse(List.of());
        } else {
            linked = users.adminTelegramIds();
        }
        // a link whose API key was revoked or expired hears nothing more of the account
        return linked.stream().filter(linkAlive::test).toList();
    }

    static String format(String type, String level, String runId, String symbol, String message,
            Map<String, Object> details) {
        StringBuilder text = new StringBuilder("*").append(title(type, level, details)).append("*");
        if (runId != null) {
            text.append(" · ").append(ChatText.escape(runId));
        }
        if (symbol != null) {
            text.append(" · ").append(ChatText.escape(symbol));
        }
        text.append('\n').append(ChatText.escape(message));
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            if (detail.getValue() != null && !(detail.getValue() instanceof Map) && !(detail.getValue() instanceof List)
                    && !detail.getKey().equals("strategy")) {
                text.append('\n').append(ChatText.escape(detail.getKey())).append(": ")
                        .append(ChatText.escape(detail.getValue()));
            }
        }
        return text.toString();
    }

    private static String title(String type, String level, Map<String, Object> details) {
        return switch (type) {
            case "position_opened" -> "Position opened";
            case "position_closed" -> "Position closed";
            case "insufficient_margin" -> "Insufficient margin";
            case "liquidation_risk" -> "Liquidation risk";
            case "halt" -> "Trading halted";
            case "resume" -> "Trading resumed";
            case "run_error" -> "Run error";
            case "execution_alert" -> "Execution alert";
            case "naked_leg" -> "Naked leg";
            case "close_failing" -> "Close failing";
            default -> "grid".equals(details.get("strategy")) && !"info".equals(level) ? "Grid warning: " + type
                    : type.replace('_', ' ');
        };
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.ApiKeyCheck;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /start}, {@code /auth <api key>} and {@code /logout}. {@code /auth} accepts any valid API key (the bootstrap
 * admin key links the {@code admin} user) and deletes the message carrying the key whatever the outcome; the link is
 * the Telegram user id, so it holds in group chats too.
 */
public final class AuthCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AuthCommands.class);

    private final ApiKeyCheck keys;
    private final UserRepository users;
    private final AuditLog audit;

    public AuthCommands(ApiKeyCheck keys, UserRepository users, AuditLog audit) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
    }

    void start(Chat chat) {
        Optional<UserRepository.User> linked = users.findByTelegram(chat.telegramUserId());
        if (linked.isPresent()) {
            chat.say("Welcome back, " + ChatText.escape(linked.get().username()) + ". /help lists what I can do.");
            return;
        }
        chat.say("Welcome to perpflow. Link your perpflow user in a private chat with /auth <api key> "
                + "(create a key with the admin CLI: api-keys create). /help lists the commands.");
    }

    void auth(Chat chat, String key) {
        chat.deleteIncoming();
        if (chat.isGroup()) {
            chat.say("Never send an API key in a group: I deleted it. Revoke that key and /auth in a private chat.");
            LOG.warn("Telegram user {} sent an API key in group chat {}", chat.telegramUserId(), chat.chatId());
            return;
        }
        if (key.isBlank()) {
            chat.say("Send /auth followed by your API key.");
            return;
        }
        Optional<Principal> principal = keys.authenticate(key);
        if (principal.isEmpty()) {
            LOG.warn("Telegram user {} sent an invalid API key", chat.telegramUserId());
            chat.say("That API key is not valid (or was revoked or has expired). I deleted your message.");
            return;
        }
        UserRepository.User user = principal.get().isBootstrap() ? users.bootstrapAdmin()
                : users.find(principal.get().userId()).orElseThrow();
        users.linkTelegram(user, chat.telegramUserId());
        audit.record(user.username(), "telegram_linked", user.username(),
                Map.of("telegram_user_id", chat.telegramUserId()));
        chat.say("Linked to perpflow user *" + ChatText.escape(user.username()) + "*" + (user.admin() ? " (admin)" : "")
                + ". I deleted the message with your key. /help lists the commands.");
    }

    void logout(Chat chat) {
        boolean unlinked = users.unlinkTelegram(chat.telegramUserId());
        audit.record(chat.user().username(), "telegram_unlinked", chat.user().username(),
                Map.of("telegram_user_id", chat.telegramUserId()));
        chat.say(unlinked ? "Unlinked. /auth <api key> links again." : "This Telegram account was not linked.");
    }
}

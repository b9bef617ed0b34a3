package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.security.FailedAttempts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /start}, {@code /auth <api key>} and {@code /logout}. {@code /auth} works in private chats only, deletes the
 * message carrying the key whatever the outcome, and binds the link to the key (the bootstrap admin key links the
 * {@code admin} user): the link ends when that key is revoked or expires ({@link #stillLinked}, checked before every
 * command). Failed attempts are audited and limited per Telegram user; a perpflow user already linked to another
 * Telegram account is never moved silently: the attempt is refused, audited, and the linked account is told.
 */
public final class AuthCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AuthCommands.class);

    private final ApiKeyCheck keys;
    private final UserRepository users;
    private final AuditLog audit;
    private final FailedAttempts failures;

    public AuthCommands(ApiKeyCheck keys, UserRepository users, AuditLog audit, FailedAttempts failures) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
        this.failures = failures;
    }

    void start(Chat chat) {
        Optional<UserRepository.User> linked = users.findByTelegram(chat.telegramUserId());
        if (linked.isPresent() && !chat.isGroup()) {
            chat.say("Welcome back, " + ChatText.escape(linked.get().username()) + ". /help lists what I can do.");
            return;
        }
        chat.say("Welcome to perpflow. Link your perpflow user in a private chat with /auth <api key> "
                + "(create a key with the admin CLI: api-keys create). /help lists the commands.");
    }

    void auth(Chat chat, String key) {
        chat.deleteIncoming();
        String who = "telegram:" + chat.telegramUserId();
        if (chat.isGroup()) {
            chat.say("Never send an API key in a group: I deleted it. Revoke that key and /auth in a private chat.");
            LOG.warn("Telegram user {} sent an API key in group chat {}", chat.telegramUserId(), chat.chatId());
            audit.record(who, "telegram_auth_in_group", null, Map.of("chat_id", chat.chatId()));
            return;
        }
        if (key.isBlank()) {
            chat.say("Send /auth followed by your API key.");
            return;
        }
        Optional<Duration> blocked = failures.blockedFor(who);
        if (blocked.isPresent()) {
            chat.say("Too many wrong keys: try again in " + Math.max(1, blocked.get().toMinutes() + 1)
                    + " minute(s). I deleted your message.");
            return;
        }
        Optional<Principal> principal;
        try {
            principal = keys.authenticate(key);
        } catch (ApiKeyRepository.KeyCheckBusyException e) {
            chat.say("I am busy checking keys; try again in a moment. I deleted your message.");
            return;
        }
        if (principal.isEmpty()) {
            failures.failed(who);
            LOG.warn("Telegram user {} sent an invalid API key ({} in the last {} min)", chat.telegramUserId(),
                    failures.count(who), failures.window().toMinutes());
            audit.record(who, "telegram_auth_failed", null, Map.of("telegram_user_id", chat.telegramUserId(),
                    "recent_failures", failures.count(who)));
            chat.say("That API key is not valid (or was revoked or has expired). I deleted your message.");
            return;
        }
        UserRepository.User user = principal.get().isBootstrap() ? users.bootstrapAdmin()
                : users.find(principal.get().userId()).orElseThrow();
        try {
            users.linkTelegram(user, chat.telegramUserId(), principal.get().keyId(),
                    principal.get().isBootstrap() ? keys.bootstrapFingerprint() : null);
        } catch (UserRepository.LinkedElsewhereException e) {
            audit.record(who, "telegram_link_refused", user.username(), Map.of("telegram_user_id",
                    chat.telegramUserId(), "linked_telegram_user_id", e.telegramUserId()));
            LOG.warn("Telegram user {} used a valid key of {}, who is linked to Telegram user {}: refused",
                    chat.telegramUserId(), user.username(), e.telegramUserId());
            Chat linked = chat.privateChatWith(e.telegramUserId());
            linked.say("Warning: another Telegram account (id " + chat.telegramUserId() + ") tried to link your "
                    + "perpflow user *" + ChatText.escape(user.username()) + "* with a valid API key. I refused. If "
                    + "that was not you, revoke that key (admin CLI: api-keys revoke).");
            chat.say("That perpflow user is linked to another Telegram account, which I have told. It must /logout "
                    + "first, or an admin unlinks it. I deleted your message.");
            return;
        }
        audit.record(user.username(), "telegram_linked", user.username(),
                Map.of("telegram_user_id", chat.telegramUserId(), "key_id", String.valueOf(principal.get().keyId())));
        chat.say("Linked to perpflow user *" + ChatText.escape(user.username()) + "*" + (user.admin() ? " (admin)" : "")
                + " until that key is revoked or expires. I deleted the message with your key. /help lists the "
                + "commands.");
    }

    /**
     * Whether a Telegram user's link still holds: its key is live (not revoked, not expired, re-read at most once a
     * second) or, for the bootstrap key, the configured key is the one it was made with. A link that no longer holds
     * is ended, audited and explained.
     */
    boolean stillLinked(Chat chat, UserRepository.TelegramLink link) {
        if (keys.isLinkLive(link.keyId(), link.fingerprint())) {
            return true;
        }
        users.unlinkTelegram(chat.telegramUserId());
        audit.record("telegram:" + chat.telegramUserId(), "telegram_link_ended", link.user().username(),
                Map.of("telegram_user_id", chat.telegramUserId(), "key_id", String.valueOf(link.keyId()),
                        "reason", "the key was revoked or expired"));
        LOG.info("Ended the Telegram link of {} ({}): its API key was revoked or expired", link.user().username(),
                chat.telegramUserId());
        chat.say("Your link to perpflow ended: the API key it was made with was revoked or has expired. Link again "
                + "with /auth <api key> in a private chat.");
        return false;
    }

    void logout(Chat chat) {
        boolean unlinked = users.unlinkTelegram(chat.telegramUserId());
        audit.record(chat.user().username(), "telegram_unlinked", chat.user().username(),
                Map.of("telegram_user_id", chat.telegramUserId()));
        chat.say(unlinked ? "Unlinked. /auth <api key> links again." : "This Telegram account was not linked.");
    }
}

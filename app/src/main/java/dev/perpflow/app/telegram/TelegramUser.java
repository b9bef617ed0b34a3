package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.Principal;

/** The perpflow user a Telegram user id is linked to (by {@code /auth}). */
public record TelegramUser(long userId, String username, boolean admin) {

    public Principal principal() {
        return new Principal(userId, username, admin, null);
    }
}

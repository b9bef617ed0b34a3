package dev.perpflow.app.telegram;

import org.apache.camel.component.telegram.model.OutgoingMessage;

/** Sends one Bot API request (message, edit, delete, callback answer); throws when Telegram did not accept it. */
@FunctionalInterface
public interface TelegramSender {

    void send(OutgoingMessage message);
}

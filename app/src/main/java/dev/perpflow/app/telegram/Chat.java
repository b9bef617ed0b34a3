package dev.perpflow.app.telegram;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.telegram.TelegramParseMode;
import org.apache.camel.component.telegram.model.EditMessageDelete;
import org.apache.camel.component.telegram.model.InlineKeyboardButton;
import org.apache.camel.component.telegram.model.InlineKeyboardMarkup;
import org.apache.camel.component.telegram.model.OutgoingCallbackQueryMessage;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;

/**
 * The conversation one update belongs to: who wrote (the Telegram user id: the identity perpflow checks, also in
 * groups), where (the chat), which message, and the perpflow user it is linked to, if any. Replies go back to the
 * same chat, split under Telegram's limit, with Markdown.
 */
public final class Chat {

    /** A button: its label and the callback data it sends back (at most 64 bytes). */
    public record Button(String label, String data) {
    }

    private final long telegramUserId;
    private final String chatId;
    private final String chatType;
    private final Integer messageId;
    private final String callbackId;
    private final TelegramSender sender;
    private TelegramUser user;

    Chat(long telegramUserId, String chatId, String chatType, Integer messageId, String callbackId,
            TelegramSender sender) {
        this.telegramUserId = telegramUserId;
        this.chatId = chatId;
        this.chatType = chatType;
        this.messageId = messageId;
        this.callbackId = callbackId;
        this.sender = sender;
    }

    public long telegramUserId() {
        return telegramUserId;
    }

    public String chatId() {
        return chatId;
    }

    public boolean isGroup() {
        return chatType != null && !chatType.equals("private");
    }

    public Integer messageId() {
        return messageId;
    }

    public TelegramUser user() {
        return user;
    }

    void user(TelegramUser linked) {
        this.user = linked;
    }

    /** Sends Markdown text (already escaped where it holds values), split into as many messages as needed. */
    public void say(String markdown) {
        say(markdown, List.of());
    }

    /** Sends text with rows of buttons under its last part. */
    public void say(String markdown, List<List<Button>> buttons) {
        List<String> parts = ChatText.split(markdown, ChatText.LIMIT);
        for (int i = 0; i < parts.size(); i++) {
            OutgoingTextMessage message = new OutgoingTextMessage();
            message.setChatId(chatId);
            message.setText(parts.get(i));
            message.setParseMode(TelegramParseMode.MARKDOWN.getCode());
            if (i == parts.size() - 1 && !buttons.isEmpty()) {
                message.setReplyMarkup(keyboard(buttons));
            }
            sender.send(message);
        }
    }

    /**
     * Deletes the message this update carried (a secret or an API key must not stay in the chat); if Telegram
     * refuses, the user is told to delete it ({@link TelegramBot#undelivered}).
     */
    public void deleteIncoming() {
        if (messageId != null) {
            sender.send(new EditMessageDelete(chatId, messageId));
        }
    }

    /** The private chat with another Telegram user, whose messages go out with this update's replies. */
    Chat privateChatWith(long otherTelegramUserId) {
        return new Chat(otherTelegramUserId, String.valueOf(otherTelegramUserId), "private", null, null, sender);
    }

    /** Acknowledges a button press (Telegram shows a spinner until then). */
    public void answerCallback(String text) {
        if (callbackId != null) {
            OutgoingCallbackQueryMessage answer = new OutgoingCallbackQueryMessage();
            answer.setChatId(chatId); // camel-telegram's producer insists on a chat id, even where Telegram needs none
            answer.setCallbackQueryId(callbackId);
            answer.setText(text);
            sender.send(answer);
        }
    }

    static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        InlineKeyboardMarkup.Builder markup = InlineKeyboardMarkup.builder();
        for (List<Button> row : rows) {
            List<InlineKeyboardButton> buttons = new ArrayList<>();
            for (Button button : row) {
                buttons.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build());
            }
            markup.addRow(buttons);
        }
        return markup.build();
    }
}

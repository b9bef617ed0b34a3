package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.accounts.UserRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.telegram.model.EditMessageDelete;
import org.apache.camel.component.telegram.model.IncomingCallbackQuery;
import org.apache.camel.component.telegram.model.IncomingMessage;
import org.apache.camel.component.telegram.model.OutgoingMessage;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram bot: every update from {@code telegram:bots} comes here. It finds who wrote (the Telegram user id,
 * also in group chats, never the chat id) and the perpflow user linked to it, then runs the command, the button or
 * the next step of the user's wizard. Only {@code /start}, {@code /help} and {@code /auth} work unlinked; anything
 * else from an unlinked user gets one polite refusal and is logged. Every command and button checks that the link's
 * API key is still live ({@link AuthCommands#stillLinked}). In group chats only {@link #IN_GROUPS} are answered;
 * anything that shows account data or asks for a secret says to use a private chat. Button data is checked against
 * the shape the bot makes before it is used. A refusal is answered with its (capped) reason; an internal failure is
 * logged and answered without its text.
 */
public final class TelegramBot {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** Commands answered in group chats: nothing there shows account data or takes a secret. */
    static final java.util.Set<String> IN_GROUPS = java.util.Set.of("start", "help", "auth", "opportunities");
    private static final java.util.Set<String> IN_GROUPS_CALLBACKS = java.util.Set.of("opp");
    /** Button data as the bot makes it: an action and arguments of ids, names and numbers, at most 64 bytes. */
    private static final java.util.regex.Pattern VALID_CALLBACK = java.util.regex.Pattern.compile(
            "[a-z]{1,8}(:[A-Za-z0-9_.\\-]{1,64}){0,4}");
    /** Longest error text a reply carries (a config with a thousand bad keys gets one message). */
    static final int MAX_ERROR = 600;

    private final UserRepository users;
    private final WizardStore wizards;
    private final AuthCommands auth;
    private final List<CommandGroup> groups;
    private final Map<String, CommandGroup> byCommand = new LinkedHashMap<>();

    public TelegramBot(UserRepository users, WizardStore wizards, AuthCommands auth, List<CommandGroup> groups) {
        this.users = users;
        this.wizards = wizards;
        this.auth = auth;
        this.groups = List.copyOf(groups);
        for (CommandGroup group : groups) {
            group.commands().keySet().forEach(name -> byCommand.put(name, group));
        }
    }

    /**
     * Route step ({@code telegram-bot}): one update (a message or a button press) in the body, replaced by the
     * replies it gets, in order (messages, deletes, callback answers), which the route sends.
     */
    public void onUpdate(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<OutgoingMessage> replies = new ArrayList<>();
        try {
            if (body instanceof IncomingMessage message) {
                onMessage(message, replies::add);
            } else if (body instanceof IncomingCallbackQuery query) {
                onCallback(query, replies::add);
            }
        } catch (RuntimeException e) {
            LOG.error("Telegram update could not be handled", e);
        }
        exchange.getMessage().setBody(replies);
    }

    /**
     * Route step: a reply Telegram refused (the body). A message that held a secret and could not be deleted
     * becomes a request to its author to delete it; anything else is logged and dropped (null).
     */
    public OutgoingMessage undelivered(Exchange exchange) {
        Object failed = exchange.getMessage().getBody();
        Throwable why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Telegram refused a {}: {}", failed == null ? "reply" : failed.getClass().getSimpleName(),
                TelegramErrors.describe(why));
        if (failed instanceof EditMessageDelete delete) {
            OutgoingTextMessage ask = new OutgoingTextMessage();
            ask.setChatId(delete.getChatId());
            ask.setText("I could not delete your message: please delete it yourself, it holds a secret.");
            return ask;
        }
        return null;
    }

    /** Handles a message; what the bot answers goes to {@code replies}. */
    void onMessage(IncomingMessage message, TelegramSender replies) {
        if (message.getFrom() == null || message.getChat() == null || message.getText() == null) {
            return;
        }
        Chat chat = new Chat(message.getFrom().getId(), message.getChat().getId(), message.getChat().getType(),
                message.getMessageId() == null ? null : message.getMessageId().intValue(), null, replies);
        String text = message.getText().strip();
        boolean command = text.startsWith("/");
        if (chat.isGroup() && !command) {
            return; // in groups only commands are for the bot
        }
        String name = command ? commandName(text) : null;
        String args = command ? arguments(text) : text;
        if (chat.isGroup() && !IN_GROUPS.contains(name)) {
            // a group is not private: nothing that shows account data or asks for secrets happens there
            chat.say("Use a private chat with me for /" + ChatText.escape(ChatText.capped(name, 40)) + ": it shows or "
                    + "changes account data, and groups are not private.");
            return;
        }
        if (command && (name.equals("start") || name.equals("help") || name.equals("auth"))) {
            run(chat, () -> {
                switch (name) {
                    case "start" -> auth.start(chat);
                    case "help" -> chat.say(help());
                    default -> auth.auth(chat, args);
                }
            });
            return;
        }
        if (!link(chat)) {
            return;
        }
        run(chat, () -> {
            if (command) {
                wizards.clear(chat.telegramUserId()); // a new command abandons an unfinished wizard
                if (name.equals("logout")) {
                    auth.logout(chat);
                    return;
                }
                if (name.equals("cancel")) {
                    chat.say("Cancelled.");
                    return;
                }
                CommandGroup group = byCommand.get(name);
                if (group == null) {
                    chat.say("Unknown command /" + ChatText.escape(name) + ". /help lists the commands.");
                    return;
                }
                group.command(chat, name, args);
                return;
            }
            Optional<WizardStore.Wizard> wizard = wizards.find(chat.telegramUserId());
            if (wizard.isEmpty()) {
                chat.say("Send a command; /help lists them.");
                return;
            }
            for (CommandGroup group : groups) {
                if (group.wizard(chat, wizard.get(), text)) {
                    return;
                }
            }
            wizards.clear(chat.telegramUserId());
            chat.say("That conversation has ended; start again with a command.");
        });
    }

    /** Handles a button press; what the bot answers goes to {@code replies}. */
    void onCallback(IncomingCallbackQuery query, TelegramSender replies) {
        if (query.getFrom() == null || query.getMessage() == null || query.getData() == null) {
            return;
        }
        IncomingMessage origin = query.getMessage();
        Chat chat = new Chat(query.getFrom().getId(), origin.getChat().getId(), origin.getChat().getType(),
                origin.getMessageId() == null ? null : origin.getMessageId().intValue(), query.getId(), replies);
        if (!VALID_CALLBACK.matcher(query.getData()).matches()) {
            LOG.warn("Ignored malformed button data from Telegram user {}", query.getFrom().getId());
            chat.answerCallback("Not a valid button");
            return;
        }
        if (chat.isGroup() && !IN_GROUPS_CALLBACKS.contains(query.getData())) {
            chat.answerCallback("Use a private chat");
            chat.say("Use a private chat with me for that: it shows or changes account data.");
            return;
        }
        if (!link(chat)) {
            chat.answerCallback("Not authorized");
            return;
        }
        List<String> parts = Arrays.asList(query.getData().split(":", -1));
        String action = parts.get(0);
        List<String> args = parts.subList(1, parts.size());
        run(chat, () -> {
            chat.answerCallback(null);
            for (CommandGroup group : groups) {
                if (group.callback(chat, action, args)) {
                    return;
                }
            }
            chat.say("That button has expired; start again with a command.");
        });
    }

    /** Finds the perpflow user of this Telegram user; an unlinked one gets one refusal and is logged. */
    private boolean link(Chat chat) {
        Optional<UserRepository.TelegramLink> link = users.findTelegramLink(chat.telegramUserId());
        if (link.isEmpty()) {
            LOG.warn("Refused Telegram user {} in chat {}: not linked to a perpflow user", chat.telegramUserId(),
                    chat.chatId());
            chat.say("Sorry, you are not authorized to use this bot. Link your perpflow user in a private chat "
                    + "with /auth <api key>.");
            return false;
        }
        if (!auth.stillLinked(chat, link.get())) {
            return false;
        }
        UserRepository.User user = link.get().user();
        chat.user(new TelegramUser(user.id(), user.username(), user.admin()));
        return true;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void run(Chat chat, Action action) {
        try {
            action.run();
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // button data that passed the pattern but not its action's shape (forged or from an older version)
            chat.say("That button is not valid or has expired; start again with a command.");
        } catch (AccountsException | IllegalArgumentException | Refusal e) {
            chat.say("Cannot do that: " + ChatText.escape(ChatText.capped(e.getMessage(), MAX_ERROR)));
        } catch (Exception e) {
            // internal errors (database, venue) may carry rows or hosts: logged, never shown
            LOG.error("Telegram command failed for user {}", chat.telegramUserId(), e);
            chat.say("Something went wrong on my side (it was logged). Try again later or ask an admin.");
        }
    }

    String help() {
        StringBuilder text = new StringBuilder("*perpflow bot*\n/start - how to begin\n/help - this list\n"
                + "/auth <api key> - link your perpflow user\n/logout - unlink this Telegram account\n"
                + "/cancel - abandon the current wizard\n");
        for (CommandGroup group : groups) {
            group.commands().forEach((name, line) -> text.append('/').append(ChatText.escape(name)).append(" - ")
                    .append(line).append('\n'));
        }
        return text.toString();
    }

    static String commandName(String text) {
        String first = text.substring(1).split("\\s+", 2)[0];
        int at = first.indexOf('@'); // /positions@perpflow_bot in groups
        return (at < 0 ? first : first.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    static String arguments(String text) {
        String[] parts = text.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.accounts.VenueCredentialFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accounts from the chat: {@code /create_account} (name, then description), {@code /list_accounts},
 * {@code /add_exchange} (account and venue by buttons, then one message per credential field; every message holding
 * a value is deleted at once and the values are stored encrypted only when all fields are in) and {@code /add_proxy}
 * (account by button, then the proxy URL, whose message is deleted). Wizard steps survive a restart; partial
 * credentials are never written anywhere but the encrypted row.
 */
final class AccountCommands implements CommandGroup {

    static final String CREATE = "create_account";
    static final String EXCHANGE = "add_exchange";
    static final String PROXY = "add_proxy";

    private final UserRepository users;
    private final AccountRepository accounts;
    private final Supplier<CredentialStore> credentials;
    private final Supplier<ProxyRepository> proxies;
    private final WizardStore wizards;
    private final java.util.function.BooleanSupplier secretsAvailable;
    /** Credential values typed so far, per Telegram user, in memory only (never in the wizard table). */
    private final Map<Long, Map<String, String>> typed = new java.util.concurrent.ConcurrentHashMap<>();

    AccountCommands(UserRepository users, AccountRepository accounts, Supplier<CredentialStore> credentials,
            Supplier<ProxyRepository> proxies, WizardStore wizards, java.util.function.BooleanSupplier secretsAvailable) {
        this.secretsAvailable = secretsAvailable;
        this.users = users;
        this.accounts = accounts;
        this.credentials = credentials;
        this.proxies = proxies;
        this.wizards = wizards;
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put(CREATE, "create a trading account");
        commands.put("list_accounts", "your accounts and their venues");
        commands.put(EXCHANGE, "store a venue's credentials for an account (encrypted)");
        commands.put(PROXY, "add a proxy to an account");
        return commands;
    }

    @Override
    public void command(Chat chat, String name, String args) {
        switch (name) {
            case CREATE -> {
                wizards.save(chat.telegramUserId(), chat.chatId(), new WizardStore.Wizard(CREATE, "name", Map.of()));
                chat.say("Name of the new account? (letters, digits, '-', '_'; /cancel to stop)");
            }
            case "list_accounts" -> list(chat);
            case EXCHANGE -> {
                if (requireSecrets(chat)) {
                    chooseAccount(chat, "ax", "Credentials for which account?");
                }
            }
            case PROXY -> {
                if (requireSecrets(chat)) {
                    chooseAccount(chat, "ap", "Proxy for which account?");
                }
            }
            default -> throw new IllegalStateException(name);
        }
    }

    @Override
    public boolean callback(Chat chat, String action, List<String> args) {
        switch (action) {
            case "ax" -> { // ax:<account id>[:<venue>]
                if (!requireSecrets(chat)) {
                    return true;
                }
                AccountRepository.Account account = own(chat, Long.parseLong(args.get(0)));
                if (args.size() == 1) {
                    List<List<Chat.Button>> rows = new ArrayList<>();
                    for (String venue : VenueCredentialFields.venues()) {
                        rows.add(List.of(new Chat.Button(venue, "ax:" + account.id() + ":" + venue)));
                    }
                    chat.say("Which venue?", rows);
                    return true;
                }
                String venue = args.get(1);
                List<VenueCredentialFields.Field> fields = VenueCredentialFields.of(venue);
                typed.remove(chat.telegramUserId());
                wizards.save(chat.telegramUserId(), chat.chatId(), new WizardStore.Wizard(EXCHANGE,
                        fields.get(0).name(), Map.of("account", String.valueOf(account.id()), "venue", venue)));
                chat.say(prompt(venue, fields.get(0)));
                return true;
            }
            case "ap" -> {
                if (!requireSecrets(chat)) {
                    return true;
                }
                AccountRepository.Account account = own(chat, Long.parseLong(args.get(0)));
                wizards.save(chat.telegramUserId(), chat.chatId(), new WizardStore.Wizard(PROXY, "url",
                        Map.of("account", String.valueOf(account.id()))));
                chat.say("Send the proxy URL: http://user:password@host:port or socks5://user:password@host:port "
                        + "(I delete your message at once).");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public boolean wizard(Chat chat, WizardStore.Wizard wizard, String text) {
        switch (wizard.name()) {
            case CREATE -> createAccount(chat, wizard, text);
            case EXCHANGE -> addExchange(chat, wizard, text);
            case PROXY -> addProxy(chat, wizard, text);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void createAccount(Chat chat, WizardStore.Wizard wizard, String text) {
        if (wizard.step().equals("name")) {
            if (!text.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                chat.say("That name is not valid: 1-64 letters, digits, '_', '.' or '-'. Try again or /cancel.");
                return;
            }
            wizards.save(chat.telegramUserId(), chat.chatId(), wizard.next("description", "name", text));
            chat.say("Description? (send - for none)");
            return;
        }
        UserRepository.User owner = users.find(chat.user().userId()).orElseThrow();
        AccountRepository.Account account = accounts.create(owner, wizard.data().get("name"),
                text.equals("-") ? null : text, owner.username());
        wizards.clear(chat.telegramUserId());
        chat.say("Created account *" + ChatText.escape(account.name()) + "*. Add venue credentials with /add_exchange.");
    }

    private void addExchange(Chat chat, WizardStore.Wizard wizard, String text) {
        chat.deleteIncoming(); // every answer in this wizard may be a secret
        String venue = wizard.data().get("venue");
        List<VenueCredentialFields.Field> fields = VenueCredentialFields.of(venue);
        Map<String, String> values = typed.computeIfAbsent(chat.telegramUserId(), id -> new LinkedHashMap<>());
        if (values.isEmpty() && !wizard.step().equals(fields.get(0).name())) {
            // the app restarted in the middle: values typed before it were never stored, so start the fields again
            wizards.save(chat.telegramUserId(), chat.chatId(), new WizardStore.Wizard(EXCHANGE, fields.get(0).name(),
                    wizard.data()));
            chat.say("I was restarted and did not keep what you typed (secrets are never stored half-way). "
                    + prompt(venue, fields.get(0)));
            return;
        }
        if (!(text.equals("-") && !currentField(fields, wizard.step()).required())) {
            values.put(wizard.step(), text);
        }
        int index = fields.indexOf(currentField(fields, wizard.step()));
        if (index + 1 < fields.size()) {
            VenueCredentialFields.Field next = fields.get(index + 1);
            wizards.save(chat.telegramUserId(), chat.chatId(), wizard.next(next.name(), null, null));
            chat.say(prompt(venue, next));
            return;
        }
        typed.remove(chat.telegramUserId());
        wizards.clear(chat.telegramUserId());
        AccountRepository.Account account = own(chat, Long.parseLong(wizard.data().get("account")));
        credentials.get().set(account, venue, values, chat.user().username());
        chat.say("Stored the " + ChatText.escape(venue) + " credentials of *" + ChatText.escape(account.name())
                + "* (encrypted). I deleted your messages.");
    }

    private void addProxy(Chat chat, WizardStore.Wizard wizard, String text) {
        chat.deleteIncoming();
        AccountRepository.Account account = own(chat, Long.parseLong(wizard.data().get("account")));
        String label = account.owner() + "-" + account.name() + "-" + (proxies.get().assignments(account.id()).size() + 1);
        ProxyRepository.StoredProxy proxy;
        try {
            proxy = proxies.get().add(label.length() > 64 ? label.substring(0, 64) : label, text, chat.user().username());
        } catch (AccountsException e) {
            chat.say("That proxy URL is not usable: " + ChatText.escape(e.getMessage()) + ". Send another or /cancel.");
            return;
        }
        proxies.get().assign(account, proxy.label(), proxies.get().assignments(account.id()).size(), "active",
                chat.user().username());
        wizards.clear(chat.telegramUserId());
        chat.say("Added proxy " + ChatText.escape(proxy.maskedUrl()) + " to *" + ChatText.escape(account.name())
                + "*. I deleted your message.");
    }

    private void list(Chat chat) {
        List<AccountRepository.Account> mine = accounts.list(chat.user().admin() ? null : chat.user().userId());
        if (mine.isEmpty()) {
            chat.say("No accounts yet: /create_account");
            return;
        }
        StringBuilder text = new StringBuilder("*Accounts*\n");
        for (AccountRepository.Account account : mine) {
            // names only: no secret is decrypted, so this works without the master key too
            AccountRepository.Overview overview = accounts.overview(account.id());
            text.append("\n*").append(ChatText.escape(account.owner() + "/" + account.name())).append("*");
            text.append(": ").append(overview.venues().isEmpty() ? "no venue credentials"
                    : ChatText.escape(String.join(", ", overview.venues())));
            if (!overview.proxies().isEmpty()) {
                text.append(" · proxies ").append(ChatText.escape(String.join(", ", overview.proxies())));
            }
        }
        chat.say(text.toString());
    }

    /** Secrets are stored encrypted: without the master key, say so before anyone types one. */
    private boolean requireSecrets(Chat chat) {
        if (secretsAvailable.getAsBoolean()) {
            return true;
        }
        chat.say("I cannot store secrets: the server runs without PERPFLOW\\_MASTER\\_KEY. Ask an admin to set it "
                + "(admin CLI: master-key generate) and restart; nothing was asked or stored.");
        return false;
    }

    private void chooseAccount(Chat chat, String action, String question) {
        List<AccountRepository.Account> mine = accounts.list(chat.user().userId());
        if (mine.isEmpty()) {
            chat.say("You have no account yet: /create_account first.");
            return;
        }
        List<List<Chat.Button>> rows = new ArrayList<>();
        for (AccountRepository.Account account : mine) {
            rows.add(List.of(new Chat.Button(account.name(), action + ":" + account.id())));
        }
        chat.say(question, rows);
    }

    /** An account of the chat's user (admins may act on any). */
    private AccountRepository.Account own(Chat chat, long accountId) {
        return accounts.list(chat.user().admin() ? null : chat.user().userId()).stream()
                .filter(a -> a.id() == accountId).findFirst()
                .orElseThrow(() -> new AccountsException("that account is not yours"));
    }

    private static VenueCredentialFields.Field currentField(List<VenueCredentialFields.Field> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AccountsException("unknown credential field " + name));
    }

    private static String prompt(String venue, VenueCredentialFields.Field field) {
        return ChatText.escape(venue) + ": send *" + ChatText.escape(field.name()) + "*"
                + (field.required() ? "" : " (or - to skip)") + (field.secret() ? " (I delete your message at once)" : "")
                + ".";
    }
}

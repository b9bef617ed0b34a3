package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.config.YamlMaps;
import dev.perpflow.app.control.ControlService;
import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.strategy.StopOutcome;
import dev.perpflow.app.strategy.StrategyConfigRepository;
import dev.perpflow.app.strategy.StrategyRuntime.RunView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strategy configs and runs from the chat: {@code /create_config} (type by button, then a name, then the config as
 * YAML, validated with one message per bad key and asked again until it is right), {@code /list_configs},
 * {@code /run_strategy} (config, then account, by buttons, within the safety limits), {@code /list_strategies},
 * {@code /stop_strategy} (stop only, or close positions first, confirmed), {@code /resume_strategy}, {@code /logs}
 * and {@code /limits}. All through the {@link ControlService}, as the linked user.
 */
final class StrategyCommands implements CommandGroup {

    static final String CREATE = "create_config";
    /** Longest config a chat message may carry. */
    static final int MAX_CONFIG_CHARACTERS = 65_536;
    /** The example {@code /create_config} shows for each strategy; each one is a valid config (tested). */
    static final Map<String, String> EXAMPLES = Map.of(
            "grid", "exchange: aster\nticker: BTC\ndirection: buy\norder_notional_usd: 20\nmax_margin_usd: 100\n"
                    + "take_profit: 0.08",
            "funding_arbitrage", "scan_exchanges: [aster, backpack]\ntarget_margin: 50\nmin_profit_rate: 0.2");

    private final ControlService control;
    private final AccountRepository accounts;
    private final WizardStore wizards;

    StrategyCommands(ControlService control, AccountRepository accounts, WizardStore wizards) {
        this.control = control;
        this.accounts = accounts;
        this.wizards = wizards;
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put(CREATE, "save a strategy config (wizard)");
        commands.put("list_configs", "your saved configs");
        commands.put("run_strategy", "start a run from a saved config");
        commands.put("list_strategies", "your runs [running|stopped|all]");
        commands.put("stop_strategy", "stop a run, optionally closing its positions");
        commands.put("resume_strategy", "start a stopped run again");
        commands.put("logs", "the last lines of a run's log [run id]");
        commands.put("limits", "safety limits and your usage");
        return commands;
    }

    @Override
    public void command(Chat chat, String name, String args) throws Exception {
        Principal caller = chat.user().principal();
        switch (name) {
            case CREATE -> chat.say("Which strategy?", List.of(List.of(
                    new Chat.Button("Funding arbitrage", "cc:funding_arbitrage"), new Chat.Button("Grid", "cc:grid"))));
            case "list_configs" -> listConfigs(chat, caller);
            case "run_strategy" -> chooseConfig(chat, caller);
            case "list_strategies" -> listRuns(chat, caller, args.isBlank() ? "all" : args.strip());
            case "stop_strategy" -> chooseRun(chat, caller, "running", "ss", "Stop which run?");
            case "resume_strategy" -> chooseRun(chat, caller, "stopped", "rr", "Resume which run?");
            case "logs" -> {
                if (args.isBlank()) {
                    chooseRun(chat, caller, "all", "lg", "Logs of which run?");
                } else {
                    logs(chat, caller, args.strip());
                }
            }
            case "limits" -> limits(chat, caller);
            default -> throw new IllegalStateException(name);
        }
    }

    @Override
    public boolean callback(Chat chat, String action, List<String> args) throws Exception {
        Principal caller = chat.user().principal();
        switch (action) {
            case "cc" -> {
                wizards.save(chat.telegramUserId(), chat.chatId(), new WizardStore.Wizard(CREATE, "name",
                        Map.of("strategy", args.get(0))));
                chat.say("Name of the config? (/cancel to stop)");
            }
            case "rc" -> { // rc:<config id>[:<account>]
                long configId = Long.parseLong(args.get(0));
                // the config first (a missing one is named as such), then an account the caller may use
                control.config(caller, configId);
                if (args.size() == 1) {
                    List<List<Chat.Button>> rows = new ArrayList<>();
                    for (String account : control.accountNames(caller)) {
                        rows.add(List.of(new Chat.Button(account, "rc:" + configId + ":" + accountKey(account))));
                    }
                    chat.say("Run it for which account?", rows);
                    return true;
                }
                String account = accountName(args.get(1));
                if (!control.canUse(caller, account)) {
                    throw Refusal.forbidden("that account is not yours");
                }
                RunView run = control.runConfig(caller, configId, account);
                chat.say("Started run *" + ChatText.escape(run.id()) + "* (" + ChatText.escape(run.strategy())
                        + ") for " + ChatText.escape(run.account()) + ".");
            }
            case "ss" -> { // ss:<run>[:only|close[:ok]]
                String runId = args.get(0);
                if (args.size() == 1) {
                    chat.say("Stop " + ChatText.escape(runId) + ":", List.of(List.of(
                            new Chat.Button("Stop, keep positions", "ss:" + runId + ":only"),
                            new Chat.Button("Close positions, then stop", "ss:" + runId + ":close"))));
                    return true;
                }
                boolean close = args.get(1).equals("close");
                if (args.size() == 2) {
                    chat.say((close ? "Close every position of " : "Stop ") + ChatText.escape(runId) + "?",
                            List.of(List.of(new Chat.Button("Yes", "ss:" + runId + ":" + args.get(1) + ":ok"),
                                    new Chat.Button("No", "no"))));
                    return true;
                }
                StopOutcome outcome = control.stopRun(caller, runId, close);
                if (outcome.alreadyStopped()) {
                    chat.say("Run *" + ChatText.escape(runId) + "* was already stopped; nothing changed.");
                    return true;
                }
                StringBuilder text = new StringBuilder(outcome.remaining().isEmpty() ? "Stopped *" : "Stopping *")
                        .append(ChatText.escape(runId)).append('*');
                if (close) {
                    text.append(", ").append(outcome.closed()).append(" position(s) closed");
                }
                text.append('.');
                if (!outcome.remaining().isEmpty()) {
                    text.append("\nNo new entries; still held and watched").append(close ? " (closing retried)" : "")
                            .append(':');
                    outcome.remaining().forEach(p -> text.append("\n• ").append(ChatText.escape(p.symbol()))
                            .append(' ').append(ChatText.escape(p.status().name().toLowerCase(Locale.ROOT)))
                            .append(" (").append(ChatText.escape(p.id())).append(')'));
                }
                chat.say(text.toString());
            }
            case "rr" -> {
                RunView run = control.startRun(caller, args.get(0));
                chat.say("Run *" + ChatText.escape(run.id()) + "* is " + ChatText.escape(run.status()) + ".");
            }
            case "lg" -> logs(chat, caller, args.get(0));
            case "no" -> chat.say("Nothing changed.");
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean wizard(Chat chat, WizardStore.Wizard wizard, String text) {
        if (!wizard.name().equals(CREATE)) {
            return false;
        }
        if (wizard.step().equals("name")) {
            if (!text.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                chat.say("That name is not valid: 1-64 letters, digits, '_', '.' or '-'. Try again or /cancel.");
                return true;
            }
            wizards.save(chat.telegramUserId(), chat.chatId(), wizard.next("config", "name", text));
            chat.say("Send the config as YAML, one key per line, e.g.\n" + EXAMPLES.get(wizard.data().get("strategy"))
                    .lines().map(line -> "`" + line + "`").reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\nUnlisted keys take their defaults.");
            return true;
        }
        Map<String, Object> config;
        try {
            config = YamlMaps.parse(text, MAX_CONFIG_CHARACTERS);
        } catch (YamlMaps.NotAMapping e) {
            chat.say("That is not YAML I can read (" + ChatText.escape(ChatText.capped(e.getMessage(), 200))
                    + "). Send it again or /cancel.");
            return true;
        }
        StrategyConfigRepository.SavedConfig saved;
        try {
            saved = control.saveConfig(chat.user().principal(), wizard.data().get("name"),
                    wizard.data().get("strategy"), config);
        } catch (Refusal e) {
            if (!"config".equals(e.field())) {
                throw e;
            }
            chat.say("That config has problems:\n" + ChatText.escape(problems(e.getMessage()))
                    + "\nSend it again or /cancel.");
            return true;
        }
        wizards.clear(chat.telegramUserId());
        chat.say("Saved config *" + ChatText.escape(saved.name()) + "*.", List.of(List.of(
                new Chat.Button("Run it", "rc:" + saved.id()))));
        return true;
    }

    private void listConfigs(Chat chat, Principal caller) {
        List<StrategyConfigRepository.SavedConfig> configs = control.configs(caller);
        if (configs.isEmpty()) {
            chat.say("No saved configs: /create_config");
            return;
        }
        List<List<Chat.Button>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder("*Saved configs*\n");
        for (StrategyConfigRepository.SavedConfig config : configs) {
            text.append("\n*").append(ChatText.escape(config.name())).append("* (").append(ChatText.escape(config.strategy()))
                    .append(", ").append(ChatText.escape(config.owner())).append("): ")
                    .append(ChatText.escape(config.config().toString()));
            rows.add(List.of(new Chat.Button("Run " + config.name(), "rc:" + config.id())));
        }
        chat.say(text.toString(), rows);
    }

    private void chooseConfig(Chat chat, Principal caller) {
        List<StrategyConfigRepository.SavedConfig> configs = control.configs(caller);
        if (configs.isEmpty()) {
            chat.say("No saved configs to run: /create_config first.");
            return;
        }
        List<List<Chat.Button>> rows = new ArrayList<>();
        for (StrategyConfigRepository.SavedConfig config : configs) {
            rows.add(List.of(new Chat.Button(config.name() + " (" + config.strategy() + ")", "rc:" + config.id())));
        }
        chat.say("Run which config?", rows);
    }

    private void listRuns(Chat chat, Principal caller, String filter) throws Exception {
        if (!List.of("running", "stopped", "all").contains(filter)) {
            chat.say("Use /list\\_strategies running, stopped or all.");
            return;
        }
        List<RunView> runs = control.runs(caller, filter);
        if (runs.isEmpty()) {
            chat.say("No " + (filter.equals("all") ? "" : filter + " ") + "runs.");
            return;
        }
        StringBuilder text = new StringBuilder("*Runs* (").append(filter).append(")\n");
        for (RunView run : runs) {
            text.append("\n*").append(ChatText.escape(run.id())).append("* ").append(ChatText.escape(run.strategy()))
                    .append(" · ").append(ChatText.escape(run.status())).append(" · ").append(ChatText.escape(run.account()));
            if (run.error() != null) {
                text.append("\n  error: ").append(ChatText.escape(run.error()));
            }
        }
        chat.say(text.toString());
    }

    private void chooseRun(Chat chat, Principal caller, String filter, String action, String question)
            throws Exception {
        List<List<Chat.Button>> rows = new ArrayList<>();
        for (RunView run : control.runs(caller, filter)) {
            rows.add(List.of(new Chat.Button(run.id() + " (" + run.status() + ")", action + ":" + run.id())));
        }
        if (rows.isEmpty()) {
            chat.say("No " + (filter.equals("all") ? "" : filter + " ") + "runs.");
            return;
        }
        chat.say(question, rows);
    }

    private void logs(Chat chat, Principal caller, String runId) throws Exception {
        List<String> lines = control.runLogs(caller, runId, 40);
        chat.say(lines.isEmpty() ? "Run " + ChatText.escape(runId) + " has no log lines yet."
                : "*Log of " + ChatText.escape(runId) + "*\n" + ChatText.escape(String.join("\n", lines)));
    }

    private void limits(Chat chat, Principal caller) {
        Map<String, Object> limits = control.limits(caller);
        StringBuilder text = new StringBuilder("*Safety limits*\n");
        limits.forEach((key, value) -> text.append(ChatText.escape(key)).append(": ").append(ChatText.escape(value))
                .append('\n'));
        chat.say(text.toString());
    }

    /** Callback data carries account ids (short), not names. */
    private String accountKey(String account) {
        if (account.equals(AccountTrading.DEFAULT)) {
            return "d";
        }
        return String.valueOf(accounts.requireAny(account).id());
    }

    private String accountName(String key) {
        if (key.equals("d")) {
            return AccountTrading.DEFAULT;
        }
        AccountRepository.Account account = accounts.list(null).stream().filter(a -> a.id() == Long.parseLong(key))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("that account no longer exists"));
        return account.owner() + "/" + account.name();
    }

    /**
     * A config's problems for one message: at most {@value #MAX_PROBLEMS} lines of at most 200 characters (the list of
     * known keys said once), then how many more there are.
     */
    static String problems(String message) {
        List<String> lines = message.lines().toList();
        StringBuilder text = new StringBuilder();
        String known = null;
        int shown = 0;
        for (String line : lines) {
            String shortened = line;
            int knownAt = line.indexOf("(known: ");
            if (knownAt >= 0) {
                known = known == null ? line.substring(knownAt) : known;
                shortened = line.substring(0, knownAt).stripTrailing();
            }
            if (shown < MAX_PROBLEMS) {
                text.append(ChatText.capped(shortened, 200)).append('\n');
                shown++;
            }
        }
        if (lines.size() > shown) {
            text.append("… and ").append(lines.size() - shown).append(" more problem(s)\n");
        }
        if (known != null) {
            text.append(ChatText.capped(known, 1000));
        }
        return text.toString().stripTrailing();
    }

    private static final int MAX_PROBLEMS = 10;
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.control.ControlService;
import dev.perpflow.app.control.ControlService.AccountPosition;
import dev.perpflow.app.fundingarb.TradeHistory;
import dev.perpflow.app.strategy.StrategyRuntime.RunView;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.CloseType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Status, positions, balances, closing (with a confirmation, and a second one when the spread is wide), trades, PnL,
 * opportunities and the kill switch (halt and resume ask first). Everything goes through the {@link ControlService}
 * as the linked user, so a chat sees exactly what that user's API key would over REST.
 */
final class TradingCommands implements CommandGroup {

    /** Lines of {@code /trades} and {@code /pnl}. */
    static final int HISTORY_LINES = 20;

    private final ControlService control;

    TradingCommands(ControlService control) {
        this.control = control;
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("status", "trading state, your running strategies and accounts");
        commands.put("positions", "open positions with PnL [account]");
        commands.put("balances", "balances per venue [account]");
        commands.put("close", "close a position (asks to confirm)");
        commands.put("trades", "recent entry and exit fills");
        commands.put("pnl", "realized PnL of closed positions");
        commands.put("opportunities", "best funding-arbitrage opportunities now");
        commands.put("halt", "stop all trading (asks to confirm; admins)");
        commands.put("resume", "resume trading after a halt (admins)");
        return commands;
    }

    @Override
    public void command(Chat chat, String name, String args) throws Exception {
        Principal caller = chat.user().principal();
        switch (name) {
            case "status" -> status(chat, caller);
            case "positions" -> positions(chat, caller, args);
            case "balances" -> balances(chat, caller, args);
            case "close" -> chooseClose(chat, caller);
            case "trades" -> trades(chat, caller);
            case "pnl" -> pnl(chat, caller);
            case "opportunities" -> opportunities(chat);
            case "halt" -> chat.say("Halt all trading? Open orders are cancelled and no strategy opens anything "
                    + "until /resume.", List.of(List.of(new Chat.Button("Halt now", "halt:yes"),
                    new Chat.Button("Cancel", "halt:no"))));
            case "resume" -> {
                ControlService.ResumeOutcome outcome = control.resume(caller, null,
                        "resume via Telegram by " + caller.username());
                chat.say("Trading state: *" + outcome.state().name() + "*");
            }
            default -> throw new IllegalStateException(name);
        }
    }

    @Override
    public boolean callback(Chat chat, String action, List<String> args) throws Exception {
        Principal caller = chat.user().principal();
        switch (action) {
            case "halt" -> {
                if (args.isEmpty() || !args.get(0).equals("yes")) {
                    chat.say("Not halted.");
                    return true;
                }
                ControlService.HaltOutcome outcome = control.halt(caller, null,
                        "halt via Telegram by " + caller.username());
                StringBuilder text = new StringBuilder("Trading state: *").append(outcome.report().state().name())
                        .append("*. ").append(outcome.report().cancelled().size()).append(" working order(s) cancelled.");
                if (!outcome.report().failed().isEmpty()) {
                    text.append("\n").append(outcome.report().failed().size())
                            .append(" cancel(s) failed: check the venues now.");
                }
                chat.say(text.append("\n/resume to trade again.").toString());
                return true;
            }
            case "pos" -> {
                positions(chat, caller, "");
                return true;
            }
            case "opp" -> {
                opportunities(chat);
                return true;
            }
            case "cl" -> { // cl:<position>:<market|limit>[:confirm|:wide]
                String position = args.get(0);
                if (args.size() == 1) {
                    chat.say("Close position " + ChatText.escape(position) + " how?", List.of(List.of(
                            new Chat.Button("Market", "cl:" + position + ":market"),
                            new Chat.Button("Limit", "cl:" + position + ":limit"),
                            new Chat.Button("Cancel", "cl:" + position + ":no"))));
                    return true;
                }
                String type = args.get(1);
                if (type.equals("no")) {
                    chat.say("Not closed.");
                    return true;
                }
                String step = args.size() > 2 ? args.get(2) : "";
                if (step.isEmpty()) {
                    chat.say("Close " + ChatText.escape(position) + " with a " + type + " order?", List.of(List.of(
                            new Chat.Button("Yes, close", "cl:" + position + ":" + type + ":ok"),
                            new Chat.Button("Cancel", "cl:" + position + ":no"))));
                    return true;
                }
                close(chat, caller, position, type, step.equals("wide"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public boolean wizard(Chat chat, WizardStore.Wizard wizard, String text) {
        return false;
    }

    private void status(Chat chat, Principal caller) throws Exception {
        ControlService.Status status = control.status(caller);
        StringBuilder text = new StringBuilder("*Status*\nTrading: *").append(status.tradingState().name())
                .append("*\nUser: ").append(ChatText.escape(caller.username())).append(caller.admin() ? " (admin)" : "")
                .append("\nRunning strategies: ");
        List<String> running = status.running().stream().map(RunView::id).toList();
        text.append(running.isEmpty() ? "none" : ChatText.escape(String.join(", ", running)));
        status.accountStates().forEach((account, state) -> text.append("\nAccount ").append(ChatText.escape(account))
                .append(": *").append(state.state().name()).append("* (").append(ChatText.escape(state.reason()))
                .append(')'));
        text.append("\nAccounts: ").append(ChatText.escape(String.join(", ", status.accounts().stream()
                .map(a -> a.name()).toList())));
        chat.say(text.toString());
    }

    private void positions(Chat chat, Principal caller, String account) throws Exception {
        List<AccountPosition> rows = control.positions(caller, account.isBlank() ? null : account).positions();
        if (rows.isEmpty()) {
            chat.say("No open positions.");
            return;
        }
        StringBuilder text = new StringBuilder("*Open positions*\n");
        for (AccountPosition held : rows) {
            ArbPosition p = held.position();
            text.append("\n*").append(ChatText.escape(p.symbol())).append("* long ")
                    .append(ChatText.escape(p.longDex())).append(" / short ").append(ChatText.escape(p.shortDex()))
                    .append("\nid ").append(ChatText.escape(p.id())).append(" · ")
                    .append(ChatText.escape(p.status().name().toLowerCase(Locale.ROOT)))
                    .append(" · size $").append(money(p.sizeUsd())).append("\nfunding $")
                    .append(money(p.cumulativeFunding())).append(" · fees $").append(money(p.totalFees()))
                    .append(" · net PnL $").append(money(p.netPnlUsd())).append("\naccount ")
                    .append(ChatText.escape(held.account())).append('\n');
        }
        chat.say(text.toString(), List.of(List.of(new Chat.Button("Refresh", "pos"))));
    }

    private void balances(Chat chat, Principal caller, String account) {
        ControlService.Balances balances = control.balances(caller, account.isBlank() ? null : account);
        StringBuilder text = new StringBuilder("*Balances* of ").append(ChatText.escape(balances.account()))
                .append('\n');
        balances.venues().forEach((venue, venueBalances) -> {
            text.append("\n*").append(ChatText.escape(venue)).append("*: ");
            if (venueBalances.error() != null) {
                text.append(ChatText.escape(venueBalances.error()));
                return;
            }
            for (Balance b : venueBalances.balances()) {
                text.append(money(b.total())).append(' ').append(ChatText.escape(b.asset()))
                        .append(" (available ").append(money(b.available())).append(") ");
            }
        });
        chat.say(text.toString());
    }

    private void chooseClose(Chat chat, Principal caller) throws Exception {
        List<List<Chat.Button>> buttons = new ArrayList<>();
        for (AccountPosition held : control.positions(caller, null).positions()) {
            ArbPosition p = held.position();
            if (p.status() == ArbPosition.Status.OPEN) {
                buttons.add(List.of(new Chat.Button(p.symbol() + " " + p.longDex() + "/" + p.shortDex(),
                        "cl:" + p.id())));
            }
        }
        if (buttons.isEmpty()) {
            chat.say("No open position to close.");
            return;
        }
        chat.say("Which position?", buttons);
    }

    private void close(Chat chat, Principal caller, String position, String type, boolean confirmWide) throws Exception {
        CloseType closeType = switch (type) {
            case "market" -> CloseType.MARKET;
            case "limit" -> CloseType.LIMIT;
            default -> throw new IllegalArgumentException("a close is market or limit, not " + type);
        };
        ControlService.CloseOutcome outcome = control.close(caller, position,
                new ControlService.CloseRequest(closeType, "telegram_close", confirmWide));
        if (outcome.result().wideSpreadWarning() && !outcome.result().closed()) {
            chat.say("The spread is wide (" + ChatText.escape(outcome.result().spread()) + "): a market close would "
                    + "cost more than usual. Close anyway?", List.of(List.of(
                    new Chat.Button("Close anyway", "cl:" + position + ":" + type + ":wide"),
                    new Chat.Button("Cancel", "cl:" + position + ":no"))));
            return;
        }
        if (outcome.result().closed()) {
            chat.say("Closed " + ChatText.escape(position) + " (" + ChatText.escape(outcome.result().position()
                    .exitReason()) + "), PnL $" + money(outcome.result().position().pnlUsd()));
        } else {
            chat.say("Not closed: " + ChatText.escape(outcome.result().message()));
        }
    }

    private void trades(Chat chat, Principal caller) throws Exception {
        List<String> lines = new ArrayList<>();
        for (TradeHistory.Fill f : control.recentFills(caller, HISTORY_LINES)) {
            lines.add(f.time() + " " + f.tradeType() + " " + f.venue() + " " + f.side() + " " + plain(f.quantity())
                    + " " + f.symbol() + " @ " + plain(f.averagePrice()) + " fee " + plain(f.fee()));
        }
        chat.say(lines.isEmpty() ? "No trades yet." : "*Recent fills*\n" + ChatText.escape(String.join("\n", lines)));
    }

    private void pnl(Chat chat, Principal caller) throws Exception {
        TradeHistory.RealizedPnl pnl = control.realizedPnl(caller, HISTORY_LINES);
        if (pnl.positions() == 0) {
            chat.say("No closed positions yet.");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (TradeHistory.ClosedPosition p : pnl.latest()) {
            lines.add(p.symbol() + " " + p.longVenue() + "/" + p.shortVenue() + " " + money(p.pnlUsd()) + " USD ("
                    + p.exitReason() + ")");
        }
        chat.say("*Realized PnL*: $" + money(pnl.totalUsd()) + " over " + pnl.positions() + " closed position(s)\n"
                + ChatText.escape(String.join("\n", lines)));
    }

    private void opportunities(Chat chat) throws Exception {
        List<Opportunity> rows = control.topOpportunities(5);
        if (rows.isEmpty()) {
            chat.say("No opportunity qualifies right now.");
            return;
        }
        StringBuilder text = new StringBuilder("*Top opportunities*\n");
        for (Opportunity row : rows) {
            text.append("\n").append(opportunityLine(row));
        }
        chat.say(text.toString(), List.of(List.of(new Chat.Button("Refresh", "opp"))));
    }

    /**
     * One opportunity as a chat line. Its net profit is a fraction per 8 h (REST's {@code net_profit_percent}, the
     * seed's name: 0.0004 = 0.04 %): shown here in percent, like the APY.
     */
    static String opportunityLine(Opportunity o) {
        BigDecimal net = o.netProfitPercent().movePointRight(2).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        BigDecimal apy = o.annualizedApy().setScale(2, RoundingMode.HALF_UP);
        return "*" + ChatText.escape(o.symbol()) + "* long " + ChatText.escape(o.longDex()) + " / short "
                + ChatText.escape(o.shortDex()) + ": net " + ChatText.escape(net.toPlainString())
                + " % per 8 h, APY " + ChatText.escape(apy.toPlainString()) + " %";
    }

    static String money(Object value) {
        if (value == null) {
            return "-";
        }
        try {
            return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        } catch (NumberFormatException e) {
            return ChatText.escape(value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}

package dev.perpflow.app.telegram;

import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.api.AccountAccess;
import dev.perpflow.app.api.ApiResponse;
import dev.perpflow.app.api.ControlApi;
import dev.perpflow.app.api.OpportunitiesApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Status, positions, balances, closing (with a confirmation, and a second one when the spread is wide), trades, PnL,
 * opportunities and the kill switch (halt and resume ask first). Everything goes through the control API's own
 * methods as the linked user, so a chat sees exactly what that user's API key would.
 */
final class TradingCommands implements CommandGroup {

    private final ControlApi control;
    private final OpportunitiesApi opportunities;
    private final AccountAccess access;
    private final DataSource dataSource;

    TradingCommands(ControlApi control, OpportunitiesApi opportunities, AccountAccess access, DataSource dataSource) {
        this.control = control;
        this.opportunities = opportunities;
        this.access = access;
        this.dataSource = dataSource;
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
                ApiResponse answer = control.resume(caller, "resume via Telegram by " + caller.username(), null);
                chat.say("Trading state: *" + body(answer).get("trading_state") + "*");
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
                ApiResponse answer = control.halt(caller, "halt via Telegram by " + caller.username(), null);
                chat.say("Trading state: *" + body(answer).get("trading_state") + "*. /resume to trade again.");
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
        Map<String, Object> status = body(control.status(caller));
        StringBuilder text = new StringBuilder("*Status*\nTrading: *").append(status.get("trading_state"))
                .append("*\nUser: ").append(ChatText.escape(caller.username())).append(caller.admin() ? " (admin)" : "")
                .append("\nRunning strategies: ");
        List<?> running = (List<?>) status.get("running_strategies");
        text.append(running.isEmpty() ? "none" : ChatText.escape(String.join(", ", running.stream()
                .map(String::valueOf).toList()))).append("\nAccounts: ").append(ChatText.escape(String.join(", ",
                access.accessibleNames(caller))));
        chat.say(text.toString());
    }

    private void positions(Chat chat, Principal caller, String account) throws Exception {
        Map<String, Object> answer = body(control.positions(caller, account.isBlank() ? null : account));
        List<?> rows = (List<?>) answer.get("positions");
        if (rows.isEmpty()) {
            chat.say("No open positions.");
            return;
        }
        StringBuilder text = new StringBuilder("*Open positions*\n");
        for (Object row : rows) {
            Map<?, ?> p = (Map<?, ?>) row;
            text.append("\n*").append(ChatText.escape(p.get("symbol"))).append("* long ")
                    .append(ChatText.escape(p.get("long_dex"))).append(" / short ").append(ChatText.escape(p.get("short_dex")))
                    .append("\nid ").append(ChatText.escape(p.get("id"))).append(" · ").append(ChatText.escape(p.get("status")))
                    .append(" · size $").append(money(p.get("size_usd"))).append("\nfunding $")
                    .append(money(p.get("cumulative_funding_usd"))).append(" · fees $").append(money(p.get("total_fees_usd")))
                    .append(" · net PnL $").append(money(p.get("net_pnl_usd"))).append("\naccount ")
                    .append(ChatText.escape(p.get("account_name"))).append('\n');
        }
        chat.say(text.toString(), List.of(List.of(new Chat.Button("Refresh", "pos"))));
    }

    private void balances(Chat chat, Principal caller, String account) {
        Map<String, Object> answer = body(control.balances(caller, account.isBlank() ? null : account));
        StringBuilder text = new StringBuilder("*Balances* of ").append(ChatText.escape(answer.get("account_name")))
                .append('\n');
        ((Map<?, ?>) answer.get("balances")).forEach((venue, value) -> {
            text.append("\n*").append(ChatText.escape(venue)).append("*: ");
            if (value instanceof List<?> list) {
                for (Object entry : list) {
                    Map<?, ?> b = (Map<?, ?>) entry;
                    text.append(money(b.get("total"))).append(' ').append(ChatText.escape(b.get("asset")))
                            .append(" (available ").append(money(b.get("available"))).append(") ");
                }
            } else {
                text.append(ChatText.escape(((Map<?, ?>) value).get("error")));
            }
        });
        chat.say(text.toString());
    }

    private void chooseClose(Chat chat, Principal caller) throws Exception {
        List<?> rows = (List<?>) body(control.positions(caller, null)).get("positions");
        List<List<Chat.Button>> buttons = new ArrayList<>();
        for (Object row : rows) {
            Map<?, ?> p = (Map<?, ?>) row;
            if ("open".equals(p.get("status"))) {
                buttons.add(List.of(new Chat.Button(p.get("symbol") + " " + p.get("long_dex") + "/" + p.get("short_dex"),
                        "cl:" + p.get("id"))));
            }
        }
        if (buttons.isEmpty()) {
            chat.say("No open position to close.");
            return;
        }
        chat.say("Which position?", buttons);
    }

    private void close(Chat chat, Principal caller, String position, String type, boolean confirmWide) throws Exception {
        String request = "{\"order_type\":\"" + type + "\",\"reason\":\"telegram_close\",\"confirm_wide_spread\":"
                + confirmWide + "}";
        Map<String, Object> answer = body(control.closePosition(caller, position, request));
        if (Boolean.TRUE.equals(answer.get("wide_spread_warning"))) {
            chat.say("The spread is wide (" + ChatText.escape(answer.get("spread_pct")) + "): a market close would "
                    + "cost more than usual. Close anyway?", List.of(List.of(
                    new Chat.Button("Close anyway", "cl:" + position + ":" + type + ":wide"),
                    new Chat.Button("Cancel", "cl:" + position + ":no"))));
            return;
        }
        if (Boolean.TRUE.equals(answer.get("success"))) {
            chat.say("Closed " + ChatText.escape(position) + " (" + ChatText.escape(answer.get("exit_reason"))
                    + "), PnL $" + money(answer.get("pnl_usd")));
        } else {
            chat.say("Not closed: " + ChatText.escape(answer.get("message")));
        }
    }

    private void trades(Chat chat, Principal caller) throws Exception {
        List<String> lines = query(caller, """
                SELECT f.timestamp, f.trade_type, f.dex, f.symbol, f.side, f.total_quantity, f.weighted_avg_price,
                       f.total_fee, r.account
                FROM trade_fills f JOIN strategy_positions p ON p.id = f.position_id
                JOIN strategy_runs r ON r.id = p.run_id ORDER BY f.timestamp DESC LIMIT 60""", rs ->
                rs.getTimestamp(1).toInstant() + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(5)
                        + " " + plain(rs.getBigDecimal(6)) + " " + rs.getString(4) + " @ " + plain(rs.getBigDecimal(7))
                        + " fee " + plain(rs.getBigDecimal(8)), 9, 20);
        chat.say(lines.isEmpty() ? "No trades yet." : "*Recent fills*\n" + ChatText.escape(String.join("\n", lines)));
    }

    private void pnl(Chat chat, Principal caller) throws Exception {
        BigDecimal[] total = {BigDecimal.ZERO};
        List<String> lines = query(caller, """
                SELECT p.symbol, p.long_dex, p.short_dex, p.pnl_usd, p.exit_reason, p.closed_at, r.account
                FROM strategy_positions p JOIN strategy_runs r ON r.id = p.run_id
                WHERE p.status = 'closed' ORDER BY p.closed_at DESC LIMIT 200""", rs -> {
                    BigDecimal pnl = rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4);
                    total[0] = total[0].add(pnl);
                    return rs.getString(1) + " " + rs.getString(2) + "/" + rs.getString(3) + " " + money(pnl) + " USD ("
                            + rs.getString(5) + ")";
                }, 7, 20);
        chat.say(lines.isEmpty() ? "No closed positions yet." : "*Realized PnL*: $" + money(total[0]) + "\n"
                + ChatText.escape(String.join("\n", lines)));
    }

    private void opportunities(Chat chat) throws Exception {
        Map<String, Object> answer = body(opportunities.list(Map.of("limit", "5")));
        List<?> rows = (List<?>) answer.get("opportunities");
        if (rows.isEmpty()) {
            chat.say("No opportunity qualifies right now.");
            return;
        }
        StringBuilder text = new StringBuilder("*Top opportunities*\n");
        for (Object row : rows) {
            text.append("\n").append(opportunityLine((Map<?, ?>) row));
        }
        chat.say(text.toString(), List.of(List.of(new Chat.Button("Refresh", "opp"))));
    }

    /**
     * One opportunity of {@code GET /opportunities} as a chat line. The API's {@code net_profit_percent} is the
     * seed's name for a fraction per 8 h (0.0004 = 0.04 %): shown here in percent, like the APY.
     */
    static String opportunityLine(Map<?, ?> o) {
        BigDecimal net = new BigDecimal(String.valueOf(o.get("net_profit_percent"))).movePointRight(2)
                .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal apy = new BigDecimal(String.valueOf(o.get("annualized_apy"))).setScale(2, RoundingMode.HALF_UP);
        return "*" + ChatText.escape(o.get("symbol")) + "* long " + ChatText.escape(o.get("long_dex")) + " / short "
                + ChatText.escape(o.get("short_dex")) + ": net " + ChatText.escape(net.toPlainString())
                + " % per 8 h, APY " + ChatText.escape(apy.toPlainString()) + " %";
    }

    @FunctionalInterface
    private interface Row {
        String of(ResultSet rs) throws java.sql.SQLException;
    }

    /** Rows whose account column (at {@code accountColumn}) the caller may see, at most {@code limit}. */
    private List<String> query(Principal caller, String sql, Row row, int accountColumn, int limit) throws Exception {
        List<String> accounts = access.accessibleNames(caller);
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next() && lines.size() < limit) {
                if (caller.admin() || accounts.contains(rs.getString(accountColumn))) {
                    lines.add(row.of(rs));
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(ApiResponse response) {
        return (Map<String, Object>) response.body();
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

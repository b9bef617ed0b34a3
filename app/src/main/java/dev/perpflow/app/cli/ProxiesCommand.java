package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.ProxyRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "proxies", description = "HTTP/SOCKS5 proxies and their assignment to accounts.",
         subcommands = {ProxiesCommand.Add.class, ProxiesCommand.ListProxies.class, ProxiesCommand.Delete.class,
                 ProxiesCommand.Assign.class})
final class ProxiesCommand {

    @Command(name = "add", description = "Add a proxy: http://[user@]host:port or socks5://[user@]host:port; with a "
            + "user, the password is read from standard input (--password-stdin).")
    static final class Add extends CliCommand {

        @Parameters(index = "0", paramLabel = "LABEL")
        String label;

        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Option(names = "--password-stdin", description = "Read the proxy password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public void run() {
            String effective = url;
            if (passwordStdin) {
                String password = context().readLine();
                if (password == null || password.isBlank()) {
                    throw new AccountsException("--password-stdin: standard input had no password line");
                }
                int at = url.indexOf('@');
                int scheme = url.indexOf("://");
                if (at < 0 || scheme < 0 || url.substring(scheme + 3, at).contains(":")) {
                    throw new AccountsException("--password-stdin needs a URL with a user and no password, e.g. "
                            + "socks5://alice@10.0.0.5:1080");
                }
                effective = url.substring(0, at) + ":" + URLEncoder.encode(password.strip(), StandardCharsets.UTF_8)
                        + url.substring(at);
            } else if (url.matches("^[a-z0-9]+://[^/@:]+:[^/@]+@.*")) {
                spec.commandLine().getErr().println("warning: a password on the command line stays in your shell "
                        + "history; prefer --password-stdin");
            }
            ProxyRepository.StoredProxy proxy = context().proxies().add(label, effective, context().actor());
            out().printf("added proxy %s: %s%n", proxy.label(), proxy.maskedUrl());
        }
    }

    @Command(name = "list", description = "List proxies (passwords masked) and their assignments.")
    static final class ListProxies extends CliCommand {

        @Override
        public void run() {
            List<ProxyRepository.StoredProxy> proxies = context().proxies().all();
            if (proxies.isEmpty()) {
                out().println("no proxies yet: add one with 'proxies add <label> <url>'");
                return;
            }
            for (ProxyRepository.StoredProxy proxy : proxies) {
                out().printf("%-16s %-48s %s%n", proxy.label(), proxy.maskedUrl(), proxy.active() ? "active" : "inactive");
            }
            for (AccountRepository.Account account : context().accounts().list(null)) {
                for (ProxyRepository.Assignment assignment : context().proxies().assignments(account.id())) {
                    out().printf("  %s/%s -> %s (priority %d, %s)%n", account.owner(), account.name(),
                            assignment.proxy().label(), assignment.priority(), assignment.status());
                }
            }
        }
    }

    @Command(name = "delete", description = "Delete a proxy and its assignments.")
    static final class Delete extends CliCommand {

        @Parameters(index = "0", paramLabel = "LABEL")
        String label;

        @Option(names = "--yes", description = "Confirm deleting a proxy that accounts use.")
        boolean yes;

        @Override
        public void run() {
            List<String> users = context().proxies().accountsUsing(label);
            if (!users.isEmpty() && !yes) {
                throw new AccountsException("proxy " + label + " is assigned to " + String.join(", ", users)
                        + ": their traffic moves to their next proxy (or goes direct); run again with --yes to confirm");
            }
            context().proxies().delete(label, context().actor());
            out().printf("deleted proxy %s%n", label);
        }
    }

    @Command(name = "assign", description = "Assign a proxy to an account (every REST and WebSocket connection of "
            + "the account's venue clients goes through its current proxy).")
    static final class Assign extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String accountName;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Option(names = "--priority", defaultValue = "0", description = "Lower is tried first (default ${DEFAULT-VALUE}).")
        int priority;

        @Option(names = "--status", defaultValue = "active", description = "active, standby or burned (default ${DEFAULT-VALUE}).")
        String status;

        @Override
        public void run() {
            AccountRepository.Account account = context().accounts().requireAny(accountName);
            if (priority < 0 || priority > 1000) {
                throw new AccountsException("--priority must be between 0 and 1000 (lower is tried first), was "
                        + priority);
            }
            if (!List.of("active", "standby", "burned").contains(status)) {
                throw new AccountsException("--status must be active, standby or burned, was '" + status + "'");
            }
            context().proxies().assign(account, label, priority, status, context().actor());
            out().printf("assigned proxy %s to %s/%s (priority %d, %s)%n", label, account.owner(), account.name(),
                    priority, status);
        }
    }
}
